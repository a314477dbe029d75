//! Changes that alter what a quote says: a figure, a sum of money, a negation or a
//! name that differs between the quote and the article. A match carries them so a
//! fact-checker sees first what decides the verdict; a match with any change is never
//! `exact`.

/// What kind of meaning-bearing word changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A number: a different value (`84%` → `44%`), not another way of writing the
    /// same one (`1.5bn` = `1.5 billion`).
    Number,
    /// A currency: the same figure in another currency (`£1,400` → `$1,400`).
    Currency,
    /// A negation added or dropped (`is to ensure` → `is not to ensure`).
    Negation,
    /// A different person or place.
    Name,
}

impl ChangeKind {
    /// The kind's name, as JSON writes it: `number`, `currency`, `negation`, `name`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Number => "number",
            ChangeKind::Currency => "currency",
            ChangeKind::Negation => "negation",
            ChangeKind::Name => "name",
        }
    }
}

/// One meaning-bearing difference between the quote and the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// The quote's words (empty when the article added them, e.g. a negation).
    pub quote: String,
    /// The article's words (empty when the article lacks them).
    pub article: String,
}
