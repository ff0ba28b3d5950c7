//! Any rules file: a table or diagnostics, never a panic; every
//! diagnostic points inside the file, on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(diagnostics) = numcheck::facts::load_str("rules.toml", &text) {
        assert!(!diagnostics.is_empty());
        for d in diagnostics {
            let s = d.primary.span;
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?} out of bounds");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
});
