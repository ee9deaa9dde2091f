//! [`Map`]: a scenario's growths, per-year growths and baselines (issue 10).
//!
//! A scenario holds a few dozen entries at most, and the page clones and
//! compares it on every step of a slider. A `BTreeMap` of each of its three
//! kinds was a copy of the whole B-tree (node splits, merges, iterators) in
//! the wasm; [`Map`] is a vector of entries sorted by key, with the part of
//! `BTreeMap`'s interface plansim uses, the same iteration order and the
//! same JSON (an object).

use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

/// A map kept as a vector of `(key, value)` sorted by key, one entry per
/// key: lookups by binary search (`O(log n)`), an insertion or removal
/// `O(n)`. Iterates in key order, as `BTreeMap` does.
#[derive(Clone, PartialEq)]
pub struct Map<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map {
            entries: Vec::new(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Map<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl<K, V> Map<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Map::default()
    }

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The entries in key order, values mutable.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The first entry (least key).
    pub fn first_key_value(&self) -> Option<(&K, &V)> {
        self.entries.first().map(|(k, v)| (k, v))
    }

    /// The last entry (greatest key).
    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.entries.last().map(|(k, v)| (k, v))
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Keeps the entries for which `f` holds.
    pub fn retain(&mut self, mut f: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| f(k, v));
    }
}

impl<K: Ord, V> Map<K, V> {
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value of `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// The value of `key`, mutable.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    /// Whether it holds `key`.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; the value it replaced, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// Removes `key`; its value, if it had one.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// The value of `key`, inserted from `make` where it has none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }
}

/// The place of a key in a [`Map`], as `BTreeMap::entry` gives it.
pub struct Entry<'a, K, V> {
    map: &'a mut Map<K, V>,
    key: K,
}

impl<'a, K: Ord, V> Entry<'a, K, V> {
    /// Its value, inserted from `make` where it has none.
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        self.map.get_or_insert_with(self.key, make)
    }

    /// Its value, `value` inserted where it has none.
    pub fn or_insert(self, value: V) -> &'a mut V {
        self.or_insert_with(|| value)
    }

    /// Its value, the default inserted where it has none.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

impl<K: Ord, V> Map<K, V> {
    /// The place of `key`, to read or fill.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        Entry { map: self, key }
    }
}

/// `map[&key]`: the value of `key`. Panics where it has none, as
/// `BTreeMap`'s does.
impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for Map<K, V> {
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

/// As `BTreeMap` collects: in key order, the last value of a key kept;
/// sorted through the shared sort ([`crate::core::order`]).
impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut entries: Vec<(K, V)> = iter.into_iter().collect();
        crate::core::order::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        // Stable: of equal keys, the last one given is last; keep it.
        let mut out: Vec<(K, V)> = Vec::with_capacity(entries.len());
        for e in entries {
            match out.last_mut() {
                Some(last) if last.0 == e.0 => *last = e,
                _ => out.push(e),
            }
        }
        Map { entries: out }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for Map<K, V> {
    fn from(entries: [(K, V); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: serde::Serialize, V: serde::Serialize> serde::Serialize for Map<K, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.entries.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, K, V> serde::Deserialize<'de> for Map<K, V>
where
    K: serde::Deserialize<'de> + Ord,
    V: serde::Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries<K, V>(PhantomData<(K, V)>);
        impl<'de, K, V> serde::de::Visitor<'de> for Entries<K, V>
        where
            K: serde::Deserialize<'de> + Ord,
            V: serde::Deserialize<'de>,
        {
            type Value = Map<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Map<K, V>, A::Error> {
                // As a `BTreeMap` reads a file: a key given twice keeps its last
                // value. Collected, then sorted once: a file of n keys in any order
                // is read in O(n log n), not O(n²) insertions (hostile files).
                let mut entries = Vec::new();
                while let Some(e) = a.next_entry()? {
                    entries.push(e);
                }
                Ok(entries.into_iter().collect())
            }
        }
        d.deserialize_map(Entries(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_as_a_btree_map() {
        // The same operations on both, in a fixed pseudo-random order.
        let mut m: Map<u16, i32> = Map::new();
        let mut b: BTreeMap<u16, i32> = BTreeMap::new();
        let mut x = 0x9e37_79b9u32;
        for step in 0..2000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let k = (x % 40) as u16;
            match x % 5 {
                0..=2 => assert_eq!(m.insert(k, step), b.insert(k, step)),
                3 => assert_eq!(m.remove(&k), b.remove(&k)),
                _ => {
                    *m.get_or_insert_with(k, || -1) += 1;
                    *b.entry(k).or_insert(-1) += 1;
                }
            }
            assert_eq!(m.get(&k), b.get(&k));
            assert_eq!(m.contains_key(&(k + 1)), b.contains_key(&(k + 1)));
            assert_eq!(m.len(), b.len());
        }
        assert!(m.iter().eq(b.iter()));
        assert!(m.keys().eq(b.keys()) && m.values().eq(b.values()));
        assert!((&m).into_iter().eq(&b));
        assert_eq!(format!("{m:?}"), format!("{b:?}"));
        for (k, v) in m.iter_mut() {
            *v += i32::from(*k);
        }
        for (k, v) in b.iter_mut() {
            *v += i32::from(*k);
        }
        assert!(m.iter().eq(b.iter()));
        let k = *b.keys().next().unwrap();
        assert_eq!(m[&k], b[&k]);
        *m.entry(k).or_insert(0) += 1;
        *b.entry(k).or_insert(0) += 1;
        *m.entry(1000).or_default() += 2;
        *b.entry(1000).or_default() += 2;
        assert!(m.clone().into_iter().eq(b.clone()));
        assert_eq!(m.first_key_value(), b.first_key_value());
        assert_eq!(m.last_key_value(), b.last_key_value());
        m.retain(|k, _| k % 3 == 0);
        b.retain(|k, _| k % 3 == 0);
        assert!(m.iter().eq(b.iter()));
    }

    #[test]
    fn collects_and_reads_json_as_a_btree_map() {
        let pairs = [("b", 2), ("a", 1), ("b", 3), ("c", 0)];
        let m: Map<&str, i32> = pairs.into_iter().collect();
        let b: BTreeMap<&str, i32> = pairs.into_iter().collect();
        assert!(m.iter().eq(b.iter()));
        // A file's keys in descending order, some twice: read as a BTreeMap reads them.
        let body: Vec<String> = (0..3000)
            .rev()
            .chain([7, 2999, 0])
            .enumerate()
            .map(|(i, k)| format!("\"k{k:05}\": {i}"))
            .collect();
        let json = format!("{{{}}}", body.join(","));
        let m: Map<String, usize> = serde_json::from_str(&json).unwrap();
        let b: BTreeMap<String, usize> = serde_json::from_str(&json).unwrap();
        assert!(m.iter().eq(b.iter()));
        assert_eq!(m.len(), 3000);
        let json = r#"{"x": 1.5, "a": -2.0, "x": 2.5}"#;
        let m: Map<String, f64> = serde_json::from_str(json).unwrap();
        let b: BTreeMap<String, f64> = serde_json::from_str(json).unwrap();
        assert!(m.iter().eq(b.iter()));
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
        assert!(serde_json::from_str::<Map<String, f64>>("[1]").is_err());
    }
}
