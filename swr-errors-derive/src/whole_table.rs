//! A perfect hash of whole codes, for the lookup of codes that do not end in seven digits
//! (`APIGW.0101`, `SVCSTG.ALS.403.105`, `MANIFEST_UNKNOWN`).
//!
//! Hash and displace: a code's hash picks a bucket; the bucket's displacement, found here, mixes
//! into the hash to pick a slot, and the displacements are chosen so that no two codes share a
//! slot. The generated `from_code` then costs one hash of the string, two loads and one string
//! comparison (most misses end before it, at a 16-bit fingerprint), with no probing. [`code_hash`], [`bucket_of`] and [`slot_of`] are the twins of
//! the runtime's (`swr_errors::lookup`), which the generated code calls: the derive cannot
//! depend on the runtime crate. Every lookup test of every scheme (and the lookup benchmark's
//! agreement check) finds each code through the runtime's functions in a table built with these,
//! so the two cannot drift apart unnoticed.
//!
//! The search is bounded; when it fails, the lookup falls back to a `match` on the string.

/// The constants of the hash (the 64-bit golden ratio, and two odd numbers of mixed bits).
const K: [u64; 3] = [
    0x9e37_79b9_7f4a_7c15,
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
];

/// The two halves of the 128-bit product of `a` and `b`, xored.
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// The hash of a code: its first and last eight bytes (overlapping, or the code zero-padded when
/// shorter) and its length in one product, then any bytes between them eight at a time.
pub(crate) fn code_hash(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let word = |at: usize| -> u64 {
        let mut word = [0u8; 8];
        if let Some(eight) = bytes.get(at..at + 8) {
            word.copy_from_slice(eight);
        }
        u64::from_le_bytes(word)
    };
    let (first, last) = if len >= 8 {
        (word(0), word(len - 8))
    } else {
        let mut short = [0u8; 8];
        short[..len].copy_from_slice(bytes);
        (u64::from_le_bytes(short), 0)
    };
    let mut hash = fold(first ^ K[0], last ^ K[1] ^ len as u64);
    let mut at = 8;
    while at + 8 < len {
        hash = fold(hash ^ word(at), K[2]);
        at += 8;
    }
    hash
}

/// The bucket of `hash` among `buckets`.
pub(crate) fn bucket_of(hash: u64, buckets: usize) -> usize {
    (((hash >> 32) * buckets as u64) >> 32) as usize
}

/// The slot of `hash` among `slots` under the displacement `displacement`.
pub(crate) fn slot_of(hash: u64, displacement: u16, slots: usize) -> usize {
    let mixed = fold(hash ^ u64::from(displacement), K[2]);
    (((mixed >> 32) * slots as u64) >> 32) as usize
}

/// The check of a slot's code before its text is compared: the hash's low 16 bits, which
/// neither the bucket nor (but for chance) the slot depends on, so most misses end here.
pub(crate) fn fingerprint(hash: u64) -> u16 {
    hash as u16
}

/// The tables the generated lookup reads.
pub(crate) struct WholeTable {
    /// The displacement of each bucket.
    pub displacements: Vec<u16>,
    /// The position of each slot's code among the given ones (`u16::MAX` when empty), and its
    /// [`fingerprint`].
    pub slots: Vec<(u16, u16)>,
}

/// The tables for `codes` (distinct), each slot holding the code's index in `codes`; `None` when
/// no displacement places some bucket within the bound, or there are too many codes for `u16`
/// positions.
pub(crate) fn build(codes: &[&str]) -> Option<WholeTable> {
    let count = codes.len();
    if count == 0 || count >= usize::from(u16::MAX) {
        return None;
    }
    let bucket_count = count / 3 + 1;
    let slot_count = count + count / 4 + 1;
    let hashes: Vec<u64> = codes
        .iter()
        .map(|code| code_hash(code.as_bytes()))
        .collect();
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); bucket_count];
    for (index, hash) in hashes.iter().enumerate() {
        buckets[bucket_of(*hash, bucket_count)].push(index);
    }
    // The largest buckets first, while the table is emptiest.
    let mut order: Vec<usize> = (0..bucket_count).collect();
    order.sort_by_key(|bucket| std::cmp::Reverse(buckets[*bucket].len()));
    let mut displacements = vec![0u16; bucket_count];
    let mut slots = vec![(u16::MAX, 0); slot_count];
    let mut taken: Vec<usize> = Vec::new();
    for bucket in order {
        let members = &buckets[bucket];
        if members.is_empty() {
            continue;
        }
        let placed = (0..=u16::MAX).find(|displacement| {
            taken.clear();
            members.iter().all(|&index| {
                let slot = slot_of(hashes[index], *displacement, slot_count);
                let free = slots[slot].0 == u16::MAX && !taken.contains(&slot);
                taken.push(slot);
                free
            })
        })?;
        displacements[bucket] = placed;
        for &index in members {
            let hash = hashes[index];
            slots[slot_of(hash, placed, slot_count)] =
                (u16::try_from(index).ok()?, fingerprint(hash));
        }
    }
    Some(WholeTable {
        displacements,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::{bucket_of, build, code_hash, slot_of};

    fn finds_every_code(codes: &[String]) {
        let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
        let table = build(&refs).expect("a table");
        for (index, code) in refs.iter().enumerate() {
            let hash = code_hash(code.as_bytes());
            let bucket = bucket_of(hash, table.displacements.len());
            let slot = slot_of(hash, table.displacements[bucket], table.slots.len());
            assert_eq!(usize::from(table.slots[slot].0), index, "{code}");
            assert_eq!(table.slots[slot].1, super::fingerprint(hash), "{code}");
        }
    }

    #[test]
    fn places_codes_of_every_shape() {
        finds_every_code(&["APIGW.0101".to_owned()]);
        finds_every_code(
            &(0..188)
                .map(|i| format!("APIGW.{i:04}"))
                .collect::<Vec<_>>(),
        );
        finds_every_code(
            &(0..188)
                .map(|i| format!("NAME_{i}_UNKNOWN"))
                .collect::<Vec<_>>(),
        );
        finds_every_code(
            &(0..5_000)
                .map(|i| format!("SVCSTG.S{}.{:03}.{:03}", i % 7, 400 + i % 100, i / 100))
                .collect::<Vec<_>>(),
        );
    }

    #[test]
    fn hashes_differ_in_every_byte_and_the_length() {
        let base = b"MANIFEST_BLOB_UNKNOWN".to_vec();
        let hash = code_hash(&base);
        for at in 0..base.len() {
            let mut changed = base.clone();
            changed[at] ^= 1;
            assert_ne!(code_hash(&changed), hash, "{at}");
        }
        assert_ne!(code_hash(b"A"), code_hash(b"A\0"));
    }
}
