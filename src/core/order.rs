//! Sorting through one shared instance of the standard library's sort (issue 10): each
//! `sort_by` on another type, or with another closure, is a copy of the whole sort in the wasm
//! (about 4-5 KB each; eight copies were 31 KB of it). The lists sorted here are short (years,
//! reported values, options); a sort on a hot path (the Monte Carlo draws) keeps its own.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal elements keep their order), as [`slice::sort_by`] does:
/// the standard library's stable sort of the indices `0..n` by `cmp(v[a], v[b])`, one
/// non-generic function whatever `T`, then each element moved once to its place.
/// `O(n log n)` comparisons, `O(n)` extra memory.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` stably by `key`, as [`slice::sort_by_key`] does; see [`sort_by`].
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` and keeps one of each value (years, mostly); see [`sort_by`].
pub fn sort_unique<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
    v.dedup();
}

/// The indices `0..n` sorted stably by `cmp`: the one instance of the sort.
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_elements_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
        let mut years = vec![2023u16, 2021, 2023, 2022, 2021];
        sort_unique(&mut years);
        assert_eq!(years, [2021, 2022, 2023]);
    }

    #[test]
    fn moves_owned_values_without_loss() {
        let mut v: Vec<String> = ["b", "a", "c", "a"].map(String::from).to_vec();
        sort_by(&mut v, |a, b| a.cmp(b));
        assert_eq!(v, ["a", "a", "b", "c"]);
    }

    // Native only, as the other property tests.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::*;
        use proptest::prelude::*;
        use proptest::test_runner::{Config, RngSeed};

        proptest! {
            #![proptest_config(Config {
                rng_seed: RngSeed::Fixed(10),
                failure_persistence: None,
                ..Config::default()
            })]
            #[test]
            fn same_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
                let mut std_sorted = v.clone();
                std_sorted.sort_by_key(|p| p.0);
                let mut mine = v;
                sort_by_key(&mut mine, |p| p.0);
                prop_assert_eq!(mine, std_sorted);
            }
        }
    }
}
