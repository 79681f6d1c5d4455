//! A collision-free `number % M` table for the lookup by code.
//!
//! Within one service prefix, the derive looks for the smallest modulus `M` under which the seven-
//! digit numbers of the unit variants all fall in different slots. The generated `from_code` then
//! costs one multiply-shift (`%` by a constant), one load and one compare, with no data-dependent
//! branch: a sparse `match` on the number compiles to a binary search whose branches mispredict
//! when successive lookups are for different codes, as they are in a server.
//!
//! The search is bounded, so a huge enum costs the macro a bounded amount of work; when no modulus
//! is found within the bound, the lookup falls back to the `match`.

/// The work the search may do, counted in numbers hashed: a few milliseconds of the macro's time.
const SEARCH_BUDGET: usize = 8_000_000;

/// Moduli above this would make the slot table (two bytes a slot) too large to be worth it.
const MAX_MODULUS: u32 = 1 << 16;

/// The smallest `M` such that the `numbers` have pairwise different remainders mod `M`; `None`
/// when there is none within the budget, or the numbers repeat.
pub(crate) fn find_modulus(numbers: &[u32]) -> Option<u32> {
    let count = u32::try_from(numbers.len()).ok()?;
    if count == 0 || count >= u32::from(u16::MAX) {
        return None;
    }
    // `stamp[slot] == m` marks a slot taken while trying modulus `m`: no clearing between tries.
    let mut stamp = vec![0u32; MAX_MODULUS as usize];
    let mut work = 0usize;
    for modulus in count.max(1)..=MAX_MODULUS {
        if work > SEARCH_BUDGET {
            return None;
        }
        // The work done, not the work that could be: a modulus usually fails within a few
        // numbers, and counting every number for it would end the search long before it had
        // tried the moduli a large enum needs.
        let free = numbers.iter().all(|number| {
            work += 1;
            let slot = &mut stamp[(number % modulus) as usize];
            let was_free = *slot != modulus;
            *slot = modulus;
            was_free
        });
        if free {
            return Some(modulus);
        }
    }
    None
}

/// The slot table for `modulus`: the index of the number in `numbers` at its slot, `u16::MAX` at
/// empty slots.
pub(crate) fn slot_table(numbers: &[u32], modulus: u32) -> Vec<u16> {
    let mut slots = vec![u16::MAX; modulus as usize];
    for (index, number) in numbers.iter().enumerate() {
        if let Ok(index) = u16::try_from(index) {
            slots[(number % modulus) as usize] = index;
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::{find_modulus, slot_table};

    #[test]
    fn finds_the_smallest_collision_free_modulus() {
        // 10 and 20 collide mod 2, 5 and 10; 3 separates 10, 20, 33 (1, 2, 0).
        assert_eq!(find_modulus(&[10, 20, 33]), Some(3));
        assert_eq!(find_modulus(&[4_040_010]), Some(1));
        let numbers = [4_040_010, 5_000_011, 4_041_056, 5_001_056];
        let modulus = find_modulus(&numbers).unwrap();
        let slots = slot_table(&numbers, modulus);
        for (index, number) in numbers.iter().enumerate() {
            assert_eq!(usize::from(slots[(number % modulus) as usize]), index);
        }
        assert_eq!(
            slots.iter().filter(|slot| **slot != u16::MAX).count(),
            numbers.len()
        );
    }

    #[test]
    fn gives_up_on_repeats_and_empty_input() {
        assert_eq!(find_modulus(&[7, 7]), None);
        assert_eq!(find_modulus(&[]), None);
    }

    #[test]
    fn gives_up_when_no_small_modulus_exists() {
        // Spread-out numbers need a modulus near n²: far past the budget, so the derive falls
        // back to its `match` instead of searching on.
        let mut state = 0x2545_f491_u32;
        let numbers: Vec<u32> = (0..5_000)
            .map(|_| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                state % 10_000_000
            })
            .collect();
        assert_eq!(find_modulus(&numbers), None);
    }
}

#[cfg(test)]
mod large {
    /// 5,000 codes of the compile-time benchmark's shape: the search, counting the work it does
    /// rather than the work it could, finds their table well within its budget.
    #[test]
    fn a_large_dense_enum_gets_a_table() {
        const STATUSES: [u32; 8] = [400, 401, 403, 404, 409, 429, 500, 503];
        let numbers: Vec<u32> = (0..5_000u32)
            .map(|i| STATUSES[i as usize % 8] * 10_000 + i)
            .collect();
        assert_eq!(super::find_modulus(&numbers), Some(5_000));
    }
}
