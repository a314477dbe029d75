//! Folder defaults: a `search.toml` file in a folder gives metadata for the articles
//! under it ("everything in `bbc/` is from BBC News"), and per-file entries for single
//! articles, without touching the articles themselves. Values an article declares
//! itself always win; the nearest folder's file wins over those above it.
//!
//! ```toml
//! outlet = "BBC News"
//! lang = "en"
//!
//! [files."sport/199.txt"]
//! date = "2005-03-14"
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::ingest::article::{Metadata, Origin, Sourced};
use crate::ingest::date::NewsDate;

/// The name of a folder-defaults file.
pub const DEFAULTS_FILE: &str = "search.toml";

/// The metadata keys a defaults file may set, folder-wide or per file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Values {
    title: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
    author: Option<String>,
    url: Option<String>,
    lang: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultsFile {
    #[serde(flatten)]
    folder: Values,
    #[serde(default)]
    files: BTreeMap<String, Values>,
}

/// One parsed defaults file.
#[derive(Debug, Default)]
struct Folder {
    folder: Metadata,
    files: HashMap<PathBuf, Metadata>,
}

/// Finds and caches the defaults that apply to each article file.
#[derive(Debug, Default)]
pub struct Defaults {
    folders: HashMap<PathBuf, Option<Arc<Folder>>>,
}

impl Defaults {
    /// An empty cache.
    pub fn new() -> Self {
        Defaults::default()
    }

    /// The defaults for `file`, from its folder up to `root` (both absolute).
    pub fn for_file(&mut self, file: &Path, root: &Path) -> Result<Metadata> {
        let mut meta = Metadata::default();
        let mut dir = file.parent();
        while let Some(folder_path) = dir {
            if let Some(folder) = self.folder(folder_path)? {
                if let Some(entry) = file
                    .strip_prefix(folder_path)
                    .ok()
                    .and_then(|rel| folder.files.get(rel))
                {
                    meta.fill_from(entry);
                }
                meta.fill_from(&folder.folder);
            }
            if folder_path == root || !folder_path.starts_with(root) {
                break;
            }
            dir = folder_path.parent();
        }
        Ok(meta)
    }

    fn folder(&mut self, dir: &Path) -> Result<Option<Arc<Folder>>> {
        if let Some(cached) = self.folders.get(dir) {
            return Ok(cached.clone());
        }
        let path = dir.join(DEFAULTS_FILE);
        let loaded = match std::fs::read_to_string(&path) {
            Ok(text) => Some(Arc::new(parse(&path, &text)?)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => return Err(Error::io(path, err)),
        };
        self.folders.insert(dir.to_path_buf(), loaded.clone());
        Ok(loaded)
    }
}

fn parse(path: &Path, text: &str) -> Result<Folder> {
    let bad = |message: String| Error::Defaults {
        path: path.to_path_buf(),
        message,
    };
    let file: DefaultsFile = toml::from_str(text).map_err(|err| bad(err.message().to_owned()))?;
    let folder = metadata(file.folder).map_err(&bad)?;
    let mut files = HashMap::new();
    for (name, values) in file.files {
        let meta =
            metadata(values).map_err(|message| bad(format!("[files.\"{name}\"]: {message}")))?;
        files.insert(PathBuf::from(name), meta);
    }
    Ok(Folder { folder, files })
}

fn metadata(values: Values) -> Result<Metadata, String> {
    let declared = |value: Option<String>| value.map(|v| Sourced::new(v, Origin::FolderDefaults));
    let date = match values.date {
        Some(text) => Some(Sourced::new(
            NewsDate::parse(&text).ok_or_else(|| {
                format!("date {text:?} is not a date (try 2024-10-08 or 2024-10)")
            })?,
            Origin::FolderDefaults,
        )),
        None => None,
    };
    Ok(Metadata {
        title: declared(values.title),
        outlet: declared(values.outlet),
        date,
        author: declared(values.author),
        url: declared(values.url),
        lang: declared(values.lang.map(|lang| lang.to_ascii_lowercase())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_file_entry_then_folder_then_parents() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("bbc/sport")).unwrap();
        std::fs::write(
            root.join(DEFAULTS_FILE),
            "lang = \"en\"\noutlet = \"Unknown\"\n",
        )
        .unwrap();
        std::fs::write(
            root.join("bbc").join(DEFAULTS_FILE),
            "outlet = \"BBC News\"\n[files.\"sport/199.txt\"]\ndate = \"2005-03\"\noutlet = \"BBC Sport\"\n",
        )
        .unwrap();
        let mut defaults = Defaults::new();
        let meta = defaults
            .for_file(&root.join("bbc/sport/199.txt"), root)
            .unwrap();
        assert_eq!(
            meta.outlet,
            Some(Sourced::new("BBC Sport".into(), Origin::FolderDefaults))
        );
        assert_eq!(meta.date.unwrap().value.to_string(), "2005-03");
        assert_eq!(meta.lang.unwrap().value, "en");
        let other = defaults
            .for_file(&root.join("bbc/sport/200.txt"), root)
            .unwrap();
        assert_eq!(other.outlet.unwrap().value, "BBC News");
        assert_eq!(other.date, None);
        let top = defaults.for_file(&root.join("a.txt"), root).unwrap();
        assert_eq!(top.outlet.unwrap().value, "Unknown");
    }

    #[test]
    fn mistakes_are_errors_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(DEFAULTS_FILE),
            "outlet = \"X\"\nsource = \"Y\"\n",
        )
        .unwrap();
        let err = Defaults::new()
            .for_file(&dir.path().join("a.txt"), dir.path())
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("search.toml: unknown field `source`"),
            "{err}"
        );
        std::fs::write(
            dir.path().join(DEFAULTS_FILE),
            "[files.\"a.txt\"]\ndate = \"soon\"\n",
        )
        .unwrap();
        let err = Defaults::new()
            .for_file(&dir.path().join("a.txt"), dir.path())
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("[files.\"a.txt\"]: date \"soon\" is not a date"),
            "{err}"
        );
    }
}
