//! Reading documents and rules files from disk, whole and once.

use std::path::Path;
use std::sync::Arc;

use crate::error::Error;
use crate::source::SourceFile;

/// How a path is shown in output: relative to the working directory when it is under it.
pub fn display_path(path: &Path) -> String {
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let s = shown.to_string_lossy().into_owned();
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Text from bytes, or a clear error naming the first invalid byte.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads a document.
pub fn read(path: &Path) -> Result<Arc<SourceFile>, Error> {
    let name = display_path(path);
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    let text = decode(&name, bytes)?;
    Ok(SourceFile::new(name, text))
}
