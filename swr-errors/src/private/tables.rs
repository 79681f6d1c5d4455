//! Const builders of a derived enum's tables: the code table from the derive's rows, the lookup
//! by slot, the codes sorted, and the tables of composed types concatenated. Each runs in const
//! evaluation (or is one load), so the derive writes data, not code.

use crate::retry::RetryKind;
use crate::table::CodeInfo;

/// The filler of a code table under construction in const evaluation, every slot overwritten.
const BLANK_ROW: CodeInfo = CodeInfo {
    code: "",
    status: 0,
    message: "",
    retry: None,
};

/// One row of a derived enum's code table as the derive writes it: the code, the message (the
/// template as written, for a message that reads fields), the status and the retry kind (`0`:
/// none, `1`: throttled, `2`: busy, `3`: server error).
pub type Row = (&'static str, &'static str, u16, u8);

/// The code table of a derived enum, from its rows, in const evaluation: one short loop per enum,
/// where a struct literal per row would cost the macro four times the tokens.
pub const fn code_table<const N: usize>(rows: [Row; N]) -> [CodeInfo; N] {
    let mut out = [BLANK_ROW; N];
    let mut i = 0;
    while i < N {
        let (code, message, status, retry) = rows[i];
        out[i] = CodeInfo {
            code,
            status,
            message,
            retry: match retry {
                1 => Some(RetryKind::Throttled),
                2 => Some(RetryKind::Busy),
                3 => Some(RetryKind::ServerError),
                _ => None,
            },
        };
        i += 1;
    }
    out
}

/// The position whose seven-digit number is `number`, through the lookup's tables, which the
/// derive writes as byte strings (one token each, and no const evaluation): `slots`, for each
/// `number % M` (`M = slots.len() / 2`), a position as a little-endian `u16` (`u16::MAX` when
/// empty), proved collision-free by the derive; `numbers`, the number of each position as a
/// little-endian `u32`. One load, one compare, no data-dependent branch.
#[inline]
pub fn slot_lookup<const M2: usize, const N4: usize>(
    slots: &[u8; M2],
    numbers: &[u8; N4],
    number: u32,
) -> Option<usize> {
    let slot = (number % (M2 / 2) as u32) as usize * 2;
    let index = usize::from(u16::from_le_bytes([slots[slot], slots[slot + 1]]));
    let at = index * 4;
    if at + 4 > N4 {
        return None;
    }
    let candidate = u32::from_le_bytes([
        numbers[at],
        numbers[at + 1],
        numbers[at + 2],
        numbers[at + 3],
    ]);
    (candidate == number).then_some(index)
}

/// The codes of `table` in the order `order` gives, as little-endian `u16` positions: the
/// derive sorts them at expansion and writes the order as one byte string, so this costs one
/// short loop of const evaluation, and only when an enum that wraps this one reads its
/// `Catalogue::__SORTED_CODES`. (Sorting in const evaluation would cost seconds at 5,000 codes.)
pub const fn sorted_codes<const N: usize>(table: &[CodeInfo], order: &[u8]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N && 2 * i + 1 < order.len() {
        let at = u16::from_le_bytes([order[2 * i], order[2 * i + 1]]) as usize;
        if at < table.len() {
            out[i] = table[at].code;
        }
        i += 1;
    }
    out
}

/// `N` entries: `parts` one after another. Used to build [`Catalogue::CODES`](crate::Catalogue::CODES) at compile time.
pub const fn concat_codes<const N: usize>(parts: &[&[CodeInfo]]) -> [CodeInfo; N] {
    let mut out = [BLANK_ROW; N];
    let mut at = 0;
    let mut part = 0;
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            out[at] = parts[part][i];
            at += 1;
            i += 1;
        }
        part += 1;
    }
    out
}
