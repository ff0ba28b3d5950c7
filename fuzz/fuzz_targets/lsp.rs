//! The language server's message handling: a session of any messages after
//! a valid `initialize`. An input whose first byte is even is split at NUL
//! bytes into message bodies, each framed with its true length, so the
//! fuzzer explores what the messages say; one whose first byte is odd
//! follows `initialize` as raw bytes, so it explores the framing too
//! (lengths that are wrong, headers run together, bodies cut short).
//! Never a panic, never a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

const INITIALIZE: &str = r#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#;

fn frame(stream: &mut Vec<u8>, body: &[u8]) {
    stream.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    stream.extend_from_slice(body);
}

fuzz_target!(|data: &[u8]| {
    let mut stream = Vec::new();
    frame(&mut stream, INITIALIZE.as_bytes());
    match data.split_first() {
        Some((first, raw)) if first % 2 == 1 => stream.extend_from_slice(raw),
        _ => {
            for body in data.split(|&b| b == 0) {
                frame(&mut stream, body);
            }
        }
    }
    numcheck::lsp::replay(&stream, numcheck::lsp::Options::default());
});
