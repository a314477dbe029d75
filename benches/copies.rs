//! How well the copy measure (word 3-gram overlap, `search::query::copies`) tells
//! copies from other articles, on BBC News (`../shared/data/bbc`, one article a file,
//! its first line the headline):
//!
//! - its exact duplicates: files whose bodies are the same text (and whether their
//!   fingerprints, which a query groups exact copies by — the 3-grams' with the
//!   headline mixed in, as the index writes them — are the same);
//! - near-duplicates made from each distinct article as a re-filing would make them:
//!   one word in 100 (or 50) replaced by a wire's variant ("dlrs" for "dollars"…),
//!   and in half of them the last paragraph cut;
//! - every other pair of articles sharing a 3-gram: which pass the threshold, split
//!   into versions of one article (the same headline) and different headlines.
//!
//! Articles are split by the hash of their file name into a tuning half (where the
//! threshold was chosen) and a held-out half; figures are given for both.
//!
//!   cargo bench --bench copies                # BBC at ../shared/data/bbc
//!   BBC=/path/to/bbc cargo bench --bench copies

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use search::index::store::copy_fingerprint;
use search::query::copies::{COPY_OVERLAP, overlap, shingles};

/// The words a re-filing puts in (wire spellings, numbers written out or not).
const VARIANTS: &[&str] = &["dlrs", "dollars", "mln", "million", "pct", "said", "the"];

fn main() {
    let root = std::env::var_os("BBC").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc"),
        PathBuf::from,
    );
    if !root.is_dir() {
        eprintln!(
            "copies: no BBC collection at {} — set BBC to its folder",
            root.display()
        );
        return;
    }
    let articles = read(&root);
    let grams: Vec<Vec<u64>> = articles.iter().map(|a| shingles(&a.text)).collect();
    let held = |name: &str| hash(name) % 2 == 1;

    // Exact duplicates: the same body.
    let mut by_body: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, article) in articles.iter().enumerate() {
        by_body.entry(article.body.trim()).or_default().push(i);
    }
    let mut duplicates: HashSet<(usize, usize)> = HashSet::new();
    for group in by_body.values() {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                duplicates.insert((i.min(j), i.max(j)));
            }
        }
    }

    // Every pair sharing a 3-gram that at most 50 articles hold.
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, set) in grams.iter().enumerate() {
        for &gram in set {
            holders.entry(gram).or_default().push(i);
        }
    }
    let mut pairs: HashSet<(usize, usize)> = HashSet::new();
    for list in holders.values().filter(|l| l.len() <= 50) {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    let scored: Vec<(f32, usize, usize)> = pairs
        .into_iter()
        .map(|(i, j)| (overlap(&grams[i], &grams[j]), i, j))
        .collect();

    println!(
        "{} articles, {} exact-duplicate pairs, {} pairs sharing a rare 3-gram; threshold {COPY_OVERLAP}",
        articles.len(),
        duplicates.len(),
        scored.len()
    );
    // Exact duplicates are found at query time by their fingerprints alone.
    let prints: Vec<u64> = articles
        .iter()
        .zip(&grams)
        .map(|(article, grams)| copy_fingerprint(Some(&article.title), grams))
        .collect();
    let same_print = duplicates
        .iter()
        .filter(|&&(i, j)| prints[i] == prints[j] && prints[i] != 0)
        .count();
    let shared_print = scored
        .iter()
        .filter(|&&(_, i, j)| prints[i] == prints[j] && !duplicates.contains(&(i, j)))
        .count();
    println!(
        "exact-duplicate pairs with one fingerprint: {same_print}/{}; other pairs with one: {shared_print}",
        duplicates.len()
    );
    println!(
        "| half | threshold | exact duplicates grouped | made near-duplicates grouped | other pairs grouped: same headline | different headline |"
    );
    println!("|---|--:|--:|--:|--:|--:|");
    for threshold in [0.6, 0.7, COPY_OVERLAP, 0.8, 0.9] {
        for (half, is_held) in [("tuning", false), ("held out", true)] {
            let in_half = |i: usize| held(&articles[i].name) == is_held;
            let exact: Vec<&(usize, usize)> =
                duplicates.iter().filter(|&&(i, _)| in_half(i)).collect();
            let exact_found = exact
                .iter()
                .filter(|&&&(i, j)| overlap(&grams[i], &grams[j]) >= threshold)
                .count();
            let (mut made, mut made_found) = (0, 0);
            let mut seen_bodies = HashSet::new();
            for (i, article) in articles.iter().enumerate() {
                if !in_half(i) || !seen_bodies.insert(article.body.trim()) {
                    continue;
                }
                let cut = hash(&format!("{} cut", article.name)).is_multiple_of(2);
                for (every, cut) in [(100, false), (50, cut)] {
                    let copy = shingles(&refile(&article.text, every, cut, &article.name));
                    made += 1;
                    made_found += usize::from(overlap(&grams[i], &copy) >= threshold);
                }
            }
            let (mut same_title, mut other_title) = (0, 0);
            for &(score, i, j) in &scored {
                if score < threshold || duplicates.contains(&(i, j)) || !in_half(i) {
                    continue;
                }
                if articles[i].title == articles[j].title {
                    same_title += 1;
                } else {
                    other_title += 1;
                }
            }
            println!(
                "| {half} | {threshold} | {exact_found}/{} | {made_found}/{made} | {same_title} | {other_title} |",
                exact.len()
            );
        }
    }
    println!("\nother pairs from 0.6 up, most alike first (both halves):");
    let mut listed: Vec<&(f32, usize, usize)> = scored
        .iter()
        .filter(|&&(s, i, j)| s >= 0.6 && !duplicates.contains(&(i, j)))
        .collect();
    listed.sort_by(|a, b| b.0.total_cmp(&a.0));
    for &&(score, i, j) in &listed {
        println!(
            "  {score:.3}  {} | {}  ({} | {})",
            articles[i].name, articles[j].name, articles[i].title, articles[j].title
        );
    }
}

struct Article {
    name: String,
    title: String,
    body: String,
    text: String,
}

/// Every `*.txt` under the category folders of `root`, sorted by name.
fn read(root: &Path) -> Vec<Article> {
    let mut files: Vec<PathBuf> = Vec::new();
    for category in std::fs::read_dir(root).expect("the BBC folder can be read") {
        let category = category.expect("a folder entry").path();
        if category.is_dir() {
            for file in std::fs::read_dir(&category).expect("a category folder") {
                let file = file.expect("a file entry").path();
                if file.extension().is_some_and(|e| e == "txt") {
                    files.push(file);
                }
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("an article file");
            // The files are Latin-1; every byte is one character.
            let text: String = bytes.iter().map(|&b| char::from(b)).collect();
            let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            Article {
                name,
                title: title.trim().to_owned(),
                body: body.to_owned(),
                text: body.to_owned(),
            }
        })
        .collect()
}

/// `text` re-filed: one word in `every` replaced by a variant, the last paragraph cut
/// when `cut` and there are more than three.
fn refile(text: &str, every: u64, cut: bool, seed: &str) -> String {
    let mut state = hash(seed);
    let mut paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|paragraph| {
            paragraph
                .split(' ')
                .map(|word| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    if !word.is_empty() && (state >> 33).is_multiple_of(every) {
                        VARIANTS[((state >> 40) % VARIANTS.len() as u64) as usize].to_owned()
                    } else {
                        word.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    if cut && paragraphs.len() > 3 {
        paragraphs.pop();
    }
    paragraphs.join("\n\n")
}

fn hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}
