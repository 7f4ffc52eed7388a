// TEMPORARY compile shim; replaced by helper's module.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SseEvent {
    pub event: Option<String>,
    pub data: String,
}
impl SseEvent {
    pub fn encode(&self) -> bytes::Bytes {
        bytes::Bytes::new()
    }
}
#[derive(Debug, thiserror::Error)]
pub enum SseError {
    #[error("too large")]
    TooLarge,
}
pub struct SseParser;
impl SseParser {
    pub fn new(_m: usize) -> Self {
        SseParser
    }
    pub fn push(&mut self, _c: &[u8]) -> Result<Vec<SseEvent>, SseError> {
        Ok(vec![])
    }
    pub fn finish(&mut self) -> Result<Vec<SseEvent>, SseError> {
        Ok(vec![])
    }
}
