//! Fingerprints of in-memory values, for caches that live within one process (`svdk serve`):
//! equal values, equal fingerprints. Not stable across Rust versions: never written to output.

use std::hash::{DefaultHasher, Hash, Hasher};

/// The fingerprint of a value.
pub fn hash_of(value: &(impl Hash + ?Sized)) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
