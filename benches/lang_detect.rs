//! Language detection accuracy on real text in English, Ukrainian, Russian and Korean
//! (`../shared/data/multilingual/`, and BBC News for more English paragraphs), and its
//! speed. Run with `cargo bench --bench lang_detect`.
//!
//! Two sets, each as paragraphs and as six-word headlines (a paragraph's first six
//! words):
//! - `sentences/` (lingua's test sentences), four consecutive sentences a paragraph,
//!   split by parity: the even ones were used to tune the detector's word lists and
//!   margins (`tune`), the odd ones were looked at once while doing so (`held`);
//! - the other folders (UA-GEC, the declaration, the bills, the story, BBC), never looked
//!   at while tuning (`unseen`).

use std::path::Path;
use std::time::Instant;

use search::text::detect_language;

const LANGS: [&str; 4] = ["en", "uk", "ru", "ko"];
const SHARED: &str = "../shared/data";

/// One text to detect: the text, its language, its set.
struct Case {
    text: String,
    lang: &'static str,
    set: &'static str,
}

fn main() {
    let root = Path::new(SHARED).join("multilingual");
    if !root.is_dir() {
        eprintln!(
            "lang_detect: {} is absent — nothing to measure",
            root.display()
        );
        return;
    }
    let mut paragraphs = Vec::new();
    for lang in LANGS {
        let text = read(&root.join("sentences").join(format!("{lang}.txt")));
        let lines: Vec<&str> = text.lines().collect();
        for (i, chunk) in lines.chunks(4).enumerate() {
            let set = if i % 2 == 0 { "tune" } else { "held" };
            paragraphs.push(Case {
                text: chunk.join(" "),
                lang,
                set,
            });
        }
    }
    for (folder, lang) in [
        ("ua-gec", Some("uk")),
        ("kobill", Some("ko")),
        ("udhr", None),
        ("story", None),
    ] {
        for path in files(&root.join(folder)) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let Some(lang) = lang.or_else(|| LANGS.into_iter().find(|l| name.starts_with(l)))
            else {
                continue;
            };
            for paragraph in read(&path).split("\n\n") {
                unseen(&mut paragraphs, paragraph, lang);
            }
        }
    }
    for path in files(&Path::new(SHARED).join("bbc").join("politics"))
        .into_iter()
        .take(100)
    {
        for paragraph in read(&path).split("\n\n").skip(1) {
            unseen(&mut paragraphs, paragraph, "en");
        }
    }
    let headlines: Vec<Case> = paragraphs
        .iter()
        .filter_map(|case| {
            let words: Vec<&str> = case.text.split_whitespace().collect();
            (words.len() >= 6).then(|| Case {
                text: words[..6].join(" "),
                lang: case.lang,
                set: case.set,
            })
        })
        .collect();
    for (kind, cases) in [("paragraphs", &paragraphs), ("headlines6", &headlines)] {
        for set in ["tune", "held", "unseen"] {
            let mut line = format!("{kind:11} {set:7}");
            for lang in LANGS {
                let mine: Vec<&Case> = cases
                    .iter()
                    .filter(|c| c.set == set && c.lang == lang)
                    .collect();
                let right = mine
                    .iter()
                    .filter(|c| detect_language("", &c.text).map(|d| d.code) == Some(lang))
                    .count();
                line += &format!(
                    "  {lang} {:.3} ({right}/{})",
                    right as f64 / mine.len().max(1) as f64,
                    mine.len()
                );
            }
            println!("{line}");
        }
    }
    let start = Instant::now();
    let rounds = 5;
    for _ in 0..rounds {
        for case in &paragraphs {
            std::hint::black_box(detect_language("", &case.text));
        }
    }
    let bytes: usize = paragraphs.iter().map(|c| c.text.len()).sum();
    let per = start.elapsed().as_secs_f64() / (rounds * paragraphs.len()) as f64;
    println!(
        "speed: {:.1} µs a paragraph (mean {} bytes), {:.0} MB/s",
        per * 1e6,
        bytes / paragraphs.len(),
        (bytes * rounds) as f64 / start.elapsed().as_secs_f64() / 1e6
    );
}

/// A paragraph of an unseen file, without its front matter, if it has words.
fn unseen(paragraphs: &mut Vec<Case>, paragraph: &str, lang: &'static str) {
    let text = paragraph.trim();
    if text.starts_with("---") || text.split_whitespace().count() < 3 {
        return;
    }
    paragraphs.push(Case {
        text: text.to_owned(),
        lang,
        set: "unseen",
    });
}

fn read(path: &Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}
