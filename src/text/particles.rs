//! Korean particles: the case and topic markers written onto the noun they follow
//! (`북한군이`, "the North Korean army" + subject marker; `장관은`, "the minister" +
//! topic marker). The quote check compares a Korean word without its particle, so a
//! quote saying `북한군은` is the same word as an article's `북한군이`
//! ([`strip_particle`]). The index needs no such list: its syllable pairs find the noun
//! inside the word.
//!
//! Without a dictionary a particle cannot be told from a word's own last syllable
//! (`국가`, "state", ends like the subject marker `가`); both sides of a comparison are
//! read the same way, so such a word still equals itself, and a word is never cut to
//! less than one syllable.

/// Particles, longest first so that `에서는` is taken before `는`: case markers,
/// the topic and additive markers (`도`: `정도`, `제도` lose it too, on both sides), the quotative markers a speech verb follows
/// (`라고`, `이라고`) and their common stacks.
const PARTICLES: [&str; 42] = [
    "으로부터",
    "에서부터",
    "이라고",
    "에서는",
    "에서도",
    "에게서",
    "으로는",
    "으로도",
    "으로서",
    "으로써",
    "까지는",
    "부터는",
    "에게는",
    "에서",
    "에게",
    "한테",
    "으로",
    "까지",
    "부터",
    "보다",
    "처럼",
    "라고",
    "이나",
    "에는",
    "에도",
    "와는",
    "과는",
    "로는",
    "로서",
    "이다",
    "이",
    "가",
    "은",
    "는",
    "을",
    "를",
    "의",
    "에",
    "로",
    "와",
    "과",
    "도",
];

/// `word` (folded) without the Korean particle it ends with, if it is Hangul and keeps
/// at least one syllable: `북한군이` → `북한군`, `우크라이나에서` → `우크라이나`,
/// `장관은` → `장관`; `이` alone stays `이`.
pub fn strip_particle(word: &str) -> &str {
    if !word.chars().all(is_hangul_syllable) {
        return word;
    }
    for particle in PARTICLES {
        if let Some(stem) = word.strip_suffix(particle)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    word
}

/// Whether `c` is a precomposed Hangul syllable (U+AC00–U+D7A3).
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_come_off_and_the_noun_stays() {
        let stripped: Vec<&str> = [
            "북한군이",
            "북한군은",
            "북한군의",
            "우크라이나에서",
            "우크라이나에서는",
            "장관은",
            "러시아와",
            "병사들을",
            "전쟁으로",
            "이",
            "북한",
            "UN",
        ]
        .into_iter()
        .map(strip_particle)
        .collect();
        assert_eq!(
            stripped,
            [
                "북한군",
                "북한군",
                "북한군",
                "우크라이나",
                "우크라이나",
                "장관",
                "러시아",
                "병사들",
                "전쟁",
                "이",
                "북한",
                "UN",
            ]
        );
    }

    #[test]
    fn longer_particles_are_listed_before_their_endings() {
        for (i, later) in PARTICLES.iter().enumerate() {
            for earlier in &PARTICLES[..i] {
                assert!(!later.ends_with(earlier), "{later} after {earlier}");
            }
        }
    }
}
