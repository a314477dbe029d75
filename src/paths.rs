//! How a path is written as text: in the index (a file's identity), in messages and in
//! output. At the bottom of the crate, so errors and every layer can name paths alike.

use std::path::Path;

/// A path as text, the same on every run: as it is when it is UTF-8, with each byte
/// that is not shown as `\xNN` otherwise. A lossy conversion would turn `caf\xE9.txt`
/// and `caf\xE8.txt` into one name (and one file in the index); this keeps them apart
/// and is what the user is shown.
pub fn path_string(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for byte in chunk.invalid() {
            text.push_str(&format!("\\x{byte:02X}"));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_utf8_stay_apart_as_text() {
        use std::os::unix::ffi::OsStrExt;
        let path = |bytes: &[u8]| std::path::PathBuf::from(std::ffi::OsStr::from_bytes(bytes));
        assert_eq!(path_string(&path(b"/a/caf\xe9.txt")), "/a/caf\\xE9.txt");
        assert_eq!(path_string(&path(b"/a/caf\xe8.txt")), "/a/caf\\xE8.txt");
        assert_eq!(
            path_string(&path("/a/café\n.txt".as_bytes())),
            "/a/café\n.txt"
        );
    }
}
