//! Everything `search` prints goes through here: progress, warnings, results.
//! Text from articles and file names is untrusted, so it is made safe for a terminal
//! before it is printed.

pub mod entities;
pub mod hits;
pub mod progress;
pub mod quote;
pub mod show;
pub mod stats;

use std::path::Path;

use crate::ingest::Notice;

/// A path as the user should see it: relative to the working folder when under it,
/// with control characters escaped and bytes that are not UTF-8 shown as `\xNN`.
pub fn display_path(path: &Path) -> String {
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let bytes = shown.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(&terminal_safe(chunk.valid()));
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

/// `text` with control characters (escape sequences, carriage returns, newlines)
/// replaced by visible escapes, so article text cannot drive the terminal.
pub fn terminal_safe(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
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

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_utf8_are_escaped() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"/x/caf\xe9\n.txt"));
        assert_eq!(display_path(path), "/x/caf\\xE9\\n.txt");
    }
}
