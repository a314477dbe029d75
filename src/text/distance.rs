//! How far apart two words are as written: the Levenshtein distance, for the nearest
//! names a "why empty" line offers and for the misspelt words of wire copy ("Reagan
//! Adminstration").

/// Levenshtein distance: insertions, deletions and substitutions of one character.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_character_edits() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&chars("bbc"), &chars("bbc news")), 5);
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(edit_distance(&chars(""), &chars("ap")), 2);
        assert_eq!(
            edit_distance(&chars("adminstration"), &chars("administration")),
            1
        );
    }
}
