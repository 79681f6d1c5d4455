//! Perfect hashes of whole codes, for the lookup of codes that do not end in seven digits
//! (`APIGW.0101`, `SVCSTG.ALS.403.105`, `MANIFEST_UNKNOWN`).
//!
//! Paired ([`build_paired`]), for enums of up to a thousand such codes: a seed under which a
//! code's hash picks a bucket of a power-of-two table holding at most two codes, each with a
//! 16-bit fingerprint. The generated `from_code` costs one hash, one load and, when a fingerprint
//! matches, one string comparison, so a miss costs about what a hash map's does.
//!
//! Displaced ([`build`]), when no seed is found (large enums): hash and displace. A code's hash
//! picks a bucket; the bucket's displacement mixes into the hash to pick a slot, and the
//! displacements are chosen so that no two codes share a slot: one hash, two loads, one
//! comparison (most misses end before it, at a 16-bit fingerprint).
//!
//! [`code_hash`], [`paired_bucket_of`], [`bucket_of`] and [`slot_of`] are the twins of the
//! runtime's (`swr_errors::lookup`), which the generated code calls: the derive cannot depend on
//! the runtime crate. Every lookup test of every scheme (and the lookup benchmark's agreement
//! check) finds each code through the runtime's functions in a table built with these, so the two
//! cannot drift apart unnoticed. Both searches are bounded; when both fail, the lookup falls back
//! to a `match` on the string.

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

/// The bytes of a code shorter than eight bytes in one word, without a call to `memcpy`: its
/// first and last four bytes (overlapping) from four up, else its first, middle and last bytes;
/// with the length, which the hash adds, no two such codes share a word.
fn short_word(bytes: &[u8]) -> u64 {
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(first), Some(last)) => {
            u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 32
        }
        _ => match (bytes.first(), bytes.last()) {
            (Some(&first), Some(&last)) => {
                let middle = bytes.get(bytes.len() / 2).copied().unwrap_or(0);
                u64::from(first) | u64::from(middle) << 8 | u64::from(last) << 16
            }
            _ => 0,
        },
    }
}

/// The hash of a code, shaped as FxHash's of bytes: up to sixteen bytes (the first and last
/// eight, overlapping, or the [`short_word`] of a shorter code) in one product; a longer code's
/// bytes sixteen to a product, then its last sixteen in one more. The length and a multiplication
/// finish it, so that every bit reaches the bits that pick a bucket; `seed` varies it.
pub(crate) fn code_hash(bytes: &[u8], seed: u64) -> u64 {
    let len = bytes.len();
    let (mut s0, mut s1) = (K[0] ^ seed, K[1]);
    match bytes.last_chunk::<16>() {
        Some(suffix) if len > 16 => {
            // Two streams, each product mixing into the other's next, as FxHash does.
            let mut bulk = bytes.get(..len - 1).unwrap_or_default();
            while let Some((chunk, rest)) = bulk.split_first_chunk::<16>() {
                let chunk = u128::from_le_bytes(*chunk);
                (s0, s1) = (s1, fold(s0 ^ chunk as u64, K[2] ^ (chunk >> 64) as u64));
                bulk = rest;
            }
            let suffix = u128::from_le_bytes(*suffix);
            s0 ^= suffix as u64;
            s1 ^= (suffix >> 64) as u64;
        }
        _ => match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
            (Some(first), Some(last)) => {
                s0 ^= u64::from_le_bytes(*first);
                s1 ^= u64::from_le_bytes(*last);
            }
            _ => s0 ^= short_word(bytes),
        },
    }
    (fold(s0, s1) ^ len as u64).wrapping_mul(K[2])
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
        .map(|code| code_hash(code.as_bytes(), 0))
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

/// The tables of the paired lookup: a seed, and buckets of two entries each.
pub(crate) struct PairedTable {
    /// The seed of [`code_hash`] under which no bucket holds more than two codes.
    pub seed: u64,
    /// A power of two of buckets, each two entries: the position of the entry's code among the
    /// given ones (`u16::MAX` when empty, the first entry filled first) and its [`fingerprint`].
    pub buckets: Vec<[(u16, u16); 2]>,
}

/// The bucket of `hash` among `buckets`, a power of two.
pub(crate) fn paired_bucket_of(hash: u64, buckets: usize) -> usize {
    (hash >> 32) as usize & (buckets - 1)
}

/// The seeds tried for each table size: each try ends at the first bucket overflow, so a failed
/// search costs about the square root of the codes' count per seed.
const SEEDS: u64 = 512;

/// The paired tables for `codes` (distinct): twice then four times as many buckets as the power
/// of two at or above their count, the first seed below [`SEEDS`] under which no bucket holds
/// three codes or two with the same fingerprint. `None` when there is none (large enums, whose
/// lookup takes the displaced tables of [`build`]).
pub(crate) fn build_paired(codes: &[&str]) -> Option<PairedTable> {
    let count = codes.len();
    if count == 0 || count > 1024 {
        return None;
    }
    let least = count.next_power_of_two() * 2;
    let mut buckets: Vec<[(u16, u16); 2]> = Vec::new();
    for bucket_count in [least, least * 2] {
        for seed in 0..SEEDS {
            buckets.clear();
            buckets.resize(bucket_count, [(u16::MAX, 0); 2]);
            let placed = codes.iter().enumerate().all(|(index, code)| {
                let hash = code_hash(code.as_bytes(), seed);
                let print = fingerprint(hash);
                let bucket = &mut buckets[paired_bucket_of(hash, bucket_count)];
                let Ok(index) = u16::try_from(index) else {
                    return false;
                };
                match *bucket {
                    [(u16::MAX, _), _] => bucket[0] = (index, print),
                    [(_, first), (u16::MAX, _)] if first != print => bucket[1] = (index, print),
                    _ => return false,
                }
                true
            });
            if placed {
                return Some(PairedTable { seed, buckets });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{bucket_of, build, build_paired, code_hash, paired_bucket_of, slot_of};

    fn paired_finds_every_code(codes: &[String]) {
        let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
        let table =
            build_paired(&refs).unwrap_or_else(|| panic!("a paired table for {}", refs.len()));
        assert!(table.buckets.len().is_power_of_two());
        for (index, code) in refs.iter().enumerate() {
            let hash = code_hash(code.as_bytes(), table.seed);
            let bucket = table.buckets[paired_bucket_of(hash, table.buckets.len())];
            let print = super::fingerprint(hash);
            let found = bucket.iter().find(|entry| entry.1 == print).map(|e| e.0);
            assert_eq!(found.map(usize::from), Some(index), "{code}");
        }
    }

    #[test]
    fn pairs_codes_of_every_shape() {
        paired_finds_every_code(&["APIGW.0101".to_owned()]);
        for count in [2, 3, 100, 188, 256, 500] {
            paired_finds_every_code(
                &(0..count)
                    .map(|i| format!("APIGW.{i:04}"))
                    .collect::<Vec<_>>(),
            );
            paired_finds_every_code(
                &(0..count)
                    .map(|i| format!("NAME_{i}_UNKNOWN"))
                    .collect::<Vec<_>>(),
            );
        }
        let many: Vec<String> = (0..5_000).map(|i| format!("CODE.{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(build_paired(&refs).is_none());
    }

    fn finds_every_code(codes: &[String]) {
        let refs: Vec<&str> = codes.iter().map(String::as_str).collect();
        let table = build(&refs).expect("a table");
        for (index, code) in refs.iter().enumerate() {
            let hash = code_hash(code.as_bytes(), 0);
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
        let hash = code_hash(&base, 0);
        for at in 0..base.len() {
            let mut changed = base.clone();
            changed[at] ^= 1;
            assert_ne!(code_hash(&changed, 0), hash, "{at}");
        }
        assert_ne!(code_hash(b"A", 0), code_hash(b"A\0", 0));
        assert_ne!(code_hash(&base, 1), hash);
    }
}
