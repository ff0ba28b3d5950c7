//! The language server's message handling: a session of any messages after
//! a valid `initialize`. The input is split at NUL bytes into message
//! bodies, each framed with its true length, so the fuzzer explores what
//! the messages say rather than the framing (tests/lsp.rs and the
//! transport's unit tests cover broken framing). Never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const INITIALIZE: &str = r#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#;

fuzz_target!(|data: &[u8]| {
    let mut stream = Vec::new();
    let bodies = std::iter::once(INITIALIZE.as_bytes()).chain(data.split(|&b| b == 0));
    for body in bodies {
        stream.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        stream.extend_from_slice(body);
    }
    numcheck::lsp::replay(&stream, numcheck::lsp::Options::default());
});
