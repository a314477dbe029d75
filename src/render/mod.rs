//! Everything `search` prints goes through here: progress, warnings, results.
//! Text from articles and file names is untrusted, so it is made safe for a terminal
//! before it is printed.

pub mod csv;
pub mod entities;
pub mod eval;
pub mod explain;
pub mod histogram;
pub mod hits;
pub mod json;
pub mod list;
pub mod notes;
pub mod progress;
pub mod quote;
pub mod run;
pub mod shell;
pub mod show;
pub mod stats;

use std::path::Path;

use crate::ingest::Notice;

/// How a command's results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// For a person: aligned text, coloured when `color`.
    Text {
        /// Colour and bold with ANSI escapes.
        color: bool,
    },
    /// One JSON object a line, for scripts (see [`json`]).
    Json,
}

/// `n` with its thousands separated by commas (`190,430`).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A path as the user should see it: relative to the working folder when under it,
/// with control characters escaped and bytes that are not UTF-8 shown as `\xNN`
/// (as the index stores them, see [`crate::paths::path_string`]).
pub fn display_path(path: &Path) -> String {
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    terminal_safe(&crate::paths::path_string(&shown))
}

/// `text` made safe to print on a terminal: every control character — C0 (ESC, BEL,
/// backspace, carriage return, newline, tab…), DEL and C1 (CSI `U+009B`, NEL…) — and
/// the bidirectional overrides and isolates that reorder what follows them
/// (`U+202A`–`U+202E`, `U+2066`–`U+2069`) are shown as Rust-style escapes (`\u{1b}`,
/// `\n`, `\t`, `\u{202e}`), so article text and file names cannot move the cursor,
/// recolour, retitle or clear the terminal, or disguise what they say, and what they
/// held stays readable.
pub fn terminal_safe(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_owned();
    }
    let mut safe = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_escape(c) {
            safe.extend(c.escape_default());
        } else {
            safe.push(c);
        }
    }
    safe
}

/// Characters [`terminal_safe`] escapes.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The line `search` prints for an error that ends a command, made terminal-safe
/// (an error may quote a path or a query the user gave).
pub fn error_line(err: &crate::Error) -> String {
    format!("search: {}", terminal_safe(&err.to_string()))
}

/// The warning line for a notice.
pub fn notice_line(notice: &Notice) -> String {
    match notice {
        Notice::Skipped {
            path,
            line: Some(line),
            reason,
        } => {
            format!(
                "warning: skipped {}:{line}: {}",
                display_path(path),
                terminal_safe(&reason.to_string())
            )
        }
        Notice::Skipped {
            path,
            line: None,
            reason,
        } => {
            format!(
                "warning: skipped {}: {}",
                display_path(path),
                terminal_safe(&reason.to_string())
            )
        }
        Notice::Decoded { path, encoding } => {
            format!(
                "warning: {} is not UTF-8: decoded as {encoding}",
                display_path(path)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(terminal_safe("plain – text"), "plain – text");
        assert_eq!(terminal_safe("a\u{1b}[31mred\nb"), "a\\u{1b}[31mred\\nb");
    }

    #[test]
    fn every_c0_c1_and_bidi_control_is_neutralised() {
        assert_eq!(
            terminal_safe("\u{1b}]0;title\u{7}\u{8}\r\t\u{7f}\u{9b}31m\u{85}"),
            "\\u{1b}]0;title\\u{7}\\u{8}\\r\\t\\u{7f}\\u{9b}31m\\u{85}"
        );
        assert_eq!(terminal_safe("\u{202e}txt.exe"), "\\u{202e}txt.exe");
        assert_eq!(terminal_safe("a\u{2066}b\u{2069}"), "a\\u{2066}b\\u{2069}");
        // Letters of every script, marks and the right-to-left mark stay as they are.
        let kept = "Київ 北京 عربي\u{200f} café e\u{301} 🙂";
        assert_eq!(terminal_safe(kept), kept);
        // Whatever the input, no control character is left.
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!terminal_safe(&all).chars().any(needs_escape));
    }

    #[test]
    fn error_lines_are_terminal_safe() {
        let err = crate::Error::BadQuery("bad query at column 1: \u{1b}[2J".into());
        assert_eq!(
            error_line(&err),
            "search: bad query at column 1: \\u{1b}[2J"
        );
    }

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_utf8_are_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"/x/caf\xe9\n.txt"));
        assert_eq!(display_path(path), "/x/caf\\xE9\\n.txt");
    }
}
