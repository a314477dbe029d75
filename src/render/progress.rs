//! The indexing progress bar (files, MB, articles/s, ETA) on a terminal, and plain
//! warning lines otherwise.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::index::build::Progress;
use crate::ingest::Notice;
use crate::render::notice_line;

/// Progress of a `search index` run, on stderr.
pub struct IndexProgress {
    bar: Option<ProgressBar>,
    articles: AtomicU64,
    started: Instant,
}

impl IndexProgress {
    /// A bar when `show_bar` (stderr is a terminal), otherwise warnings only.
    pub fn new(show_bar: bool) -> Self {
        let bar = show_bar.then(|| {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{spinner} {bar:30} {bytes}/{total_bytes} ({binary_bytes_per_sec}) {msg}, ETA {eta}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        IndexProgress {
            bar,
            articles: AtomicU64::new(0),
            started: Instant::now(),
        }
    }
}

impl Progress for IndexProgress {
    fn begin(&self, files: u64, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(bytes);
            bar.set_message(format!("{files} files"));
        }
    }

    fn advance(&self, bytes: u64, articles: u64) {
        let total = self.articles.fetch_add(articles, Ordering::Relaxed) + articles;
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            let rate = total as f64 / self.started.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!("{total} articles, {rate:.0} articles/s"));
        }
    }

    fn notice(&self, notice: &Notice) {
        let line = notice_line(notice);
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Progress of a list of quotes being checked (`search quote --file`), on stderr: a
/// bar on a terminal, nothing otherwise.
pub struct ListProgress {
    bar: Option<ProgressBar>,
}

impl ListProgress {
    /// A bar over `quotes` quotes when `show_bar` (stderr is a terminal).
    pub fn new(show_bar: bool, quotes: u64) -> Self {
        let bar = show_bar.then(|| {
            let bar = ProgressBar::with_draw_target(Some(quotes), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{bar:30} {pos}/{len} quotes, ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        ListProgress { bar }
    }

    /// One more quote checked.
    pub fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
