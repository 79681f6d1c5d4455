//! Cutting a text to a byte bound at a char boundary: the one rule by which the client side cuts
//! what it reads and the gRPC side what it sends.

/// `text` cut to at most `max` bytes, at the last char boundary at or before `max`.
pub(crate) fn char_prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    // Some boundary at or below `max` exists: 0 is one.
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
