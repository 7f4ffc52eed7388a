// TEMPORARY compile shim; replaced by helper's module.
use serde_json::Value;
#[derive(Debug, thiserror::Error)]
pub enum TranslateError {
    #[error("x")]
    Invalid(&'static str),
}
pub fn anthropic_to_openai_request(_b: &Value, _m: &str) -> Result<Value, TranslateError> {
    Err(TranslateError::Invalid("x"))
}
pub fn openai_to_anthropic_request(_b: &Value, _m: &str) -> Result<Value, TranslateError> {
    Err(TranslateError::Invalid("x"))
}
pub fn openai_to_anthropic_response(_b: &Value, _m: &str) -> Result<Value, TranslateError> {
    Err(TranslateError::Invalid("x"))
}
pub fn anthropic_to_openai_response(_b: &Value, _m: &str) -> Result<Value, TranslateError> {
    Err(TranslateError::Invalid("x"))
}
pub fn openai_error_to_anthropic(_s: u16, b: &Value) -> Value {
    b.clone()
}
pub fn anthropic_error_to_openai(_s: u16, b: &Value) -> Value {
    b.clone()
}
pub struct OpenAiToAnthropicStream;
impl OpenAiToAnthropicStream {
    pub fn new(_m: &str) -> Self {
        Self
    }
    pub fn on_event(&mut self, _e: &crate::sse::SseEvent) -> Result<Vec<crate::sse::SseEvent>, TranslateError> {
        Ok(vec![])
    }
    pub fn finish(&mut self) -> Vec<crate::sse::SseEvent> {
        vec![]
    }
}
pub struct AnthropicToOpenAiStream;
impl AnthropicToOpenAiStream {
    pub fn new(_m: &str, _u: bool) -> Self {
        Self
    }
    pub fn on_event(&mut self, _e: &crate::sse::SseEvent) -> Result<Vec<crate::sse::SseEvent>, TranslateError> {
        Ok(vec![])
    }
    pub fn finish(&mut self) -> Vec<crate::sse::SseEvent> {
        vec![]
    }
}
