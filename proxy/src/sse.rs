//! Server-Sent Events: an incremental, bounded parser that follows the WHATWG
//! EventSource rules, and the encoder for the events Cordon writes.
//!
//! The parser takes the stream in whatever chunks the network delivers (an
//! event may be split anywhere, inside a UTF-8 character or between `\r` and
//! `\n`) and returns each event once its terminating blank line has arrived.
//! Only `event` and `data` fields are kept; `id`, `retry`, unknown fields and
//! comments are ignored. Errors never carry event content.

use bytes::Bytes;

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SseEvent {
    /// The `event:` field; `None` when absent or empty (the default
    /// "message" type).
    pub event: Option<String>,
    /// The `data:` lines of the event, joined by `"\n"`.
    pub data: String,
}

impl SseEvent {
    /// An unnamed event (what OpenAI streams are made of).
    pub fn data(data: impl Into<String>) -> Self {
        SseEvent {
            event: None,
            data: data.into(),
        }
    }

    /// A named event (what Anthropic streams are made of).
    pub fn named(event: &str, data: impl Into<String>) -> Self {
        SseEvent {
            event: Some(event.to_string()),
            data: data.into(),
        }
    }

    /// The wire form: an optional `event: X` line, one `data: ...` line per
    /// line of `data`, then a blank line.
    pub fn encode(&self) -> Bytes {
        let mut out = Vec::with_capacity(self.data.len() + 32);
        self.encode_into(&mut out);
        Bytes::from(out)
    }

    /// [`SseEvent::encode`], appending to `out`.
    pub fn encode_into(&self, out: &mut Vec<u8>) {
        if let Some(name) = &self.event {
            out.extend_from_slice(b"event: ");
            // A line break inside the name would end the field early and let
            // the rest be read as another field: such characters are dropped.
            for part in name.split(['\r', '\n']) {
                out.extend_from_slice(part.as_bytes());
            }
            out.push(b'\n');
        }
        for_each_line(&self.data, |line| {
            if line.is_empty() {
                out.extend_from_slice(b"data:\n");
            } else {
                out.extend_from_slice(b"data: ");
                out.extend_from_slice(line.as_bytes());
                out.push(b'\n');
            }
        });
        out.push(b'\n');
    }
}

/// Calls `f` for each line of `s`, lines being separated by `\r\n`, `\r` or
/// `\n` (the separators a reader recognises). An empty `s` is one empty line.
fn for_each_line(s: &str, mut f: impl FnMut(&str)) {
    let mut rest = s;
    while let Some(pos) = rest.find(['\r', '\n']) {
        f(&rest[..pos]);
        let after = &rest[pos..];
        rest = after.strip_prefix("\r\n").unwrap_or(&after[1..]);
    }
    f(rest);
}

/// Why a stream cannot be parsed. The messages name the problem only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SseError {
    /// One pending event (or line) grew beyond the parser's limit.
    #[error("server-sent event exceeds the size limit")]
    TooLarge,
    /// An `event` or `data` field is not valid UTF-8.
    #[error("server-sent event is not valid UTF-8")]
    InvalidUtf8,
}

/// Incremental SSE parser. Feed it chunks with [`SseParser::push`]; call
/// [`SseParser::finish`] at the end of the stream.
///
/// Bounded: the bytes held for one pending event (its unfinished line plus
/// the data and event-type buffers) may not exceed `max_event_bytes`. Once
/// `push` has failed, the parser keeps failing until `finish` resets it.
#[derive(Debug)]
pub struct SseParser {
    max_event_bytes: usize,
    /// The current line, not yet terminated.
    line: Vec<u8>,
    /// Data buffer: each `data` field's value followed by `"\n"`.
    data: String,
    /// Event type buffer.
    event: String,
    /// The previous chunk ended with `\r`: a `\n` starting the next chunk
    /// belongs to the same line ending.
    skip_lf: bool,
    /// No line has been completed yet (a leading BOM is to be dropped).
    at_start: bool,
    failed: Option<SseError>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl SseParser {
    pub fn new(max_event_bytes: usize) -> Self {
        SseParser {
            max_event_bytes,
            line: Vec::new(),
            data: String::new(),
            event: String::new(),
            skip_lf: false,
            at_start: true,
            failed: None,
        }
    }

    /// Parses `chunk`, returning the events it completes, in order. On error
    /// the events completed earlier in the same chunk are not returned.
    pub fn push(&mut self, chunk: &[u8]) -> Result<Vec<SseEvent>, SseError> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        let mut out = Vec::new();
        let mut rest = chunk;
        if self.skip_lf && !rest.is_empty() {
            self.skip_lf = false;
            if let Some((b'\n', tail)) = rest.split_first() {
                rest = tail;
            }
        }
        while let Some(pos) = rest.iter().position(|&b| b == b'\n' || b == b'\r') {
            let (segment, tail) = rest.split_at(pos);
            self.grow_line(segment)?;
            rest = match tail {
                [b'\r', b'\n', after @ ..] => after,
                [b'\r'] => {
                    self.skip_lf = true;
                    &[]
                }
                [_, after @ ..] => after,
                [] => &[],
            };
            let line = std::mem::take(&mut self.line);
            let result = self.process_line(&line, &mut out);
            // Keep the allocation for the next line.
            self.line = line;
            self.line.clear();
            if let Err(e) = result {
                return Err(self.fail(e));
            }
        }
        self.grow_line(rest)?;
        Ok(out)
    }

    /// Ends the stream. Per the specification an event not terminated by a
    /// blank line is incomplete and discarded, so this never returns events;
    /// it reports an earlier failure, if any, and resets the parser.
    pub fn finish(&mut self) -> Result<Vec<SseEvent>, SseError> {
        let failed = self.failed;
        *self = SseParser::new(self.max_event_bytes);
        match failed {
            Some(e) => Err(e),
            None => Ok(Vec::new()),
        }
    }

    fn pending_bytes(&self) -> usize {
        self.line
            .len()
            .saturating_add(self.data.len())
            .saturating_add(self.event.len())
    }

    fn grow_line(&mut self, segment: &[u8]) -> Result<(), SseError> {
        if segment.is_empty() {
            return Ok(());
        }
        if self.pending_bytes().saturating_add(segment.len()) > self.max_event_bytes {
            return Err(self.fail(SseError::TooLarge));
        }
        self.line.extend_from_slice(segment);
        Ok(())
    }

    fn fail(&mut self, e: SseError) -> SseError {
        self.failed = Some(e);
        self.line = Vec::new();
        self.data = String::new();
        self.event = String::new();
        e
    }

    fn process_line(&mut self, line: &[u8], out: &mut Vec<SseEvent>) -> Result<(), SseError> {
        let mut line = line;
        if self.at_start {
            self.at_start = false;
            line = line.strip_prefix(BOM).unwrap_or(line);
        }
        if line.is_empty() {
            self.dispatch(out);
            return Ok(());
        }
        if line.first() == Some(&b':') {
            return Ok(()); // comment
        }
        let (name, value) = match line.iter().position(|&b| b == b':') {
            Some(colon) => {
                let value = &line[colon + 1..];
                (&line[..colon], value.strip_prefix(b" ").unwrap_or(value))
            }
            // A line without a colon is a field name with an empty value.
            None => (line, &[][..]),
        };
        match name {
            b"data" => {
                let value = std::str::from_utf8(value).map_err(|_| SseError::InvalidUtf8)?;
                self.data.push_str(value);
                self.data.push('\n');
            }
            b"event" => {
                let value = std::str::from_utf8(value).map_err(|_| SseError::InvalidUtf8)?;
                self.event.clear();
                self.event.push_str(value);
            }
            // `id`, `retry` and unknown fields are of no use to a proxy.
            _ => {}
        }
        if self.data.len().saturating_add(self.event.len()) > self.max_event_bytes {
            return Err(SseError::TooLarge);
        }
        Ok(())
    }

    /// A blank line: dispatch the pending event, if it has any data.
    fn dispatch(&mut self, out: &mut Vec<SseEvent>) {
        if self.data.is_empty() {
            // No data field: nothing is dispatched, the type is forgotten.
            self.event.clear();
            return;
        }
        let mut data = std::mem::take(&mut self.data);
        if data.ends_with('\n') {
            data.pop();
        }
        let event = if self.event.is_empty() {
            None
        } else {
            Some(std::mem::take(&mut self.event))
        };
        out.push(SseEvent { event, data });
    }
}

/// A per-event rewrite of an SSE stream: API translation, pseudonym restoration.
pub trait EventMap: Send + 'static {
    /// The events to send for one event received; an error ends the stream.
    fn on_event(&mut self, ev: SseEvent) -> Result<Vec<SseEvent>, crate::body::BoxError>;
    /// The events to send when the stream ends.
    fn finish(&mut self) -> Vec<SseEvent>;
}

/// Rewrites an SSE byte stream event by event as chunks arrive: each chunk
/// yields the events it completes, nothing is held back beyond an
/// incomplete event (and whatever the map itself holds).
pub fn map_events<S, M>(
    upstream: S,
    map: M,
    max_event: usize,
) -> impl futures_util::Stream<Item = Result<Bytes, crate::body::BoxError>> + Send + 'static
where
    S: futures_util::Stream<Item = Result<Bytes, crate::body::BoxError>> + Send + 'static,
    M: EventMap,
{
    use futures_util::StreamExt;
    struct State<M> {
        upstream: futures_util::stream::BoxStream<'static, Result<Bytes, crate::body::BoxError>>,
        parser: SseParser,
        map: M,
        done: bool,
    }
    let state = State {
        upstream: upstream.boxed(),
        parser: SseParser::new(max_event),
        map,
        done: false,
    };
    futures_util::stream::unfold(state, |mut st| async move {
        loop {
            if st.done {
                return None;
            }
            let mut out = Vec::new();
            match st.upstream.next().await {
                Some(Ok(chunk)) => {
                    let events = match st.parser.push(&chunk) {
                        Ok(evs) => evs,
                        Err(e) => {
                            st.done = true;
                            return Some((Err(Box::new(e) as crate::body::BoxError), st));
                        }
                    };
                    for ev in events {
                        match st.map.on_event(ev) {
                            Ok(outs) => outs.iter().for_each(|o| o.encode_into(&mut out)),
                            Err(e) => {
                                st.done = true;
                                return Some((Err(e), st));
                            }
                        }
                    }
                }
                Some(Err(e)) => {
                    st.done = true;
                    return Some((Err(e), st));
                }
                None => {
                    st.done = true;
                    if let Ok(evs) = st.parser.finish() {
                        for ev in evs {
                            if let Ok(outs) = st.map.on_event(ev) {
                                outs.iter().for_each(|o| o.encode_into(&mut out));
                            }
                        }
                    }
                    st.map.finish().iter().for_each(|o| o.encode_into(&mut out));
                }
            }
            if !out.is_empty() {
                return Some((Ok(Bytes::from(out)), st));
            }
        }
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
pub(crate) mod tests {
    use super::*;

    fn parse_all(input: &[u8]) -> Vec<SseEvent> {
        let mut p = SseParser::new(1 << 20);
        let mut evs = p.push(input).unwrap();
        evs.extend(p.finish().unwrap());
        evs
    }

    /// Feeds `input` one byte at a time.
    fn parse_bytewise(input: &[u8]) -> Vec<SseEvent> {
        let mut p = SseParser::new(1 << 20);
        let mut evs = Vec::new();
        for b in input {
            evs.extend(p.push(std::slice::from_ref(b)).unwrap());
        }
        evs.extend(p.finish().unwrap());
        evs
    }

    /// Parses `input` whole, byte by byte and split at every position, and
    /// checks that all agree.
    fn parse_every_way(input: &[u8]) -> Vec<SseEvent> {
        let whole = parse_all(input);
        assert_eq!(parse_bytewise(input), whole, "bytewise");
        for cut in 0..=input.len() {
            let mut p = SseParser::new(1 << 20);
            let mut evs = p.push(&input[..cut]).unwrap();
            evs.extend(p.push(&input[cut..]).unwrap());
            assert_eq!(evs, whole, "cut at {cut}");
        }
        whole
    }

    /// Small deterministic PRNG for property-style tests (also used by
    /// `translate`'s tests).
    pub(crate) struct Rng(pub(crate) u64);
    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        pub(crate) fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn simple_events() {
        let evs = parse_every_way(b"data: hello\n\ndata: world\n\n");
        assert_eq!(evs, vec![SseEvent::data("hello"), SseEvent::data("world")]);
    }

    #[test]
    fn named_events_and_anthropic_shape() {
        let input =
            b"event: message_start\ndata: {\"type\":\"message_start\"}\n\nevent: ping\ndata: {\"type\": \"ping\"}\n\n";
        let evs = parse_every_way(input);
        assert_eq!(
            evs,
            vec![
                SseEvent::named("message_start", "{\"type\":\"message_start\"}"),
                SseEvent::named("ping", "{\"type\": \"ping\"}"),
            ]
        );
    }

    #[test]
    fn event_type_does_not_leak_into_next_event() {
        let evs = parse_every_way(b"event: a\ndata: 1\n\ndata: 2\n\n");
        assert_eq!(evs, vec![SseEvent::named("a", "1"), SseEvent::data("2")]);
    }

    #[test]
    fn multiline_data_joined_with_newline() {
        let evs = parse_every_way(b"data: line one\ndata: line two\ndata:\ndata: four\n\n");
        assert_eq!(evs, vec![SseEvent::data("line one\nline two\n\nfour")]);
    }

    #[test]
    fn leading_space_handling() {
        let evs = parse_every_way(b"data:nospace\n\ndata: one\n\ndata:  two\n\ndata:\n\n");
        assert_eq!(
            evs,
            vec![
                SseEvent::data("nospace"),
                SseEvent::data("one"),
                SseEvent::data(" two"),
                SseEvent::data("")
            ]
        );
    }

    #[test]
    fn field_without_colon() {
        // "data" alone appends an empty line; "event" alone sets an empty type.
        let evs = parse_every_way(b"data\ndata\n\nevent\ndata: x\n\n");
        assert_eq!(evs, vec![SseEvent::data("\n"), SseEvent::data("x")]);
    }

    #[test]
    fn comments_id_retry_and_unknown_fields_ignored() {
        let input = b": keep-alive\n\n:another\nid: 42\nretry: 1000\nfoo: bar\ndata: x\n\nid: 7\n\n";
        assert_eq!(parse_every_way(input), vec![SseEvent::data("x")]);
    }

    #[test]
    fn blank_lines_without_data_dispatch_nothing() {
        assert!(parse_every_way(b"\n\n\r\n\revent: lonely\n\n").is_empty());
    }

    #[test]
    fn crlf_cr_and_mixed_line_endings() {
        let expected = vec![SseEvent::named("e", "a\nb"), SseEvent::data("c")];
        assert_eq!(
            parse_every_way(b"event: e\r\ndata: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n"),
            expected
        );
        assert_eq!(parse_every_way(b"event: e\rdata: a\rdata: b\r\rdata: c\r\r"), expected);
        assert_eq!(
            parse_every_way(b"event: e\ndata: a\r\ndata: b\r\rdata: c\n\r\n"),
            expected
        );
    }

    #[test]
    fn cr_at_chunk_end_then_lf() {
        let mut p = SseParser::new(1024);
        assert!(p.push(b"data: a\r").unwrap().is_empty());
        // The \n completes the \r\n above; it is not a blank line.
        assert!(p.push(b"\n").unwrap().is_empty());
        assert!(p.push(b"").unwrap().is_empty());
        assert_eq!(p.push(b"data: b\r").unwrap(), vec![]);
        assert_eq!(p.push(b"\n\r").unwrap(), vec![SseEvent::data("a\nb")]);
        assert_eq!(p.push(b"\n").unwrap(), vec![]);
    }

    #[test]
    fn cr_cr_is_two_line_endings() {
        let mut p = SseParser::new(1024);
        assert!(p.push(b"data: a\r").unwrap().is_empty());
        assert_eq!(p.push(b"\r").unwrap(), vec![SseEvent::data("a")]);
    }

    #[test]
    fn utf8_split_across_chunks() {
        let input = "data: héllo wörld – 日本語 🎉\n\n".as_bytes();
        let evs = parse_every_way(input);
        assert_eq!(evs, vec![SseEvent::data("héllo wörld – 日本語 🎉")]);
    }

    #[test]
    fn leading_bom_is_dropped_once() {
        let evs = parse_every_way(b"\xEF\xBB\xBFdata: x\n\n");
        assert_eq!(evs, vec![SseEvent::data("x")]);
        // Only at the start of the stream.
        let evs = parse_all(b"data: x\n\n\xEF\xBB\xBFdata: y\n\n");
        assert_eq!(evs, vec![SseEvent::data("x")]);
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        let mut p = SseParser::new(1024);
        assert_eq!(p.push(b"data: \xFF\xFE\n\n").unwrap_err(), SseError::InvalidUtf8);
        // The parser stays failed until finish.
        assert_eq!(p.push(b"data: ok\n\n").unwrap_err(), SseError::InvalidUtf8);
        assert_eq!(p.finish().unwrap_err(), SseError::InvalidUtf8);
        // finish resets it.
        assert_eq!(p.push(b"data: ok\n\n").unwrap(), vec![SseEvent::data("ok")]);
    }

    #[test]
    fn invalid_utf8_in_ignored_fields_is_tolerated() {
        assert_eq!(parse_all(b": \xFF\nid: \xFF\ndata: ok\n\n"), vec![SseEvent::data("ok")]);
    }

    #[test]
    fn incomplete_final_event_is_discarded() {
        let mut p = SseParser::new(1024);
        assert_eq!(
            p.push(b"data: done\n\ndata: partial\n").unwrap(),
            vec![SseEvent::data("done")]
        );
        assert!(p.finish().unwrap().is_empty());
        let mut p = SseParser::new(1024);
        assert!(p.push(b"data: [DONE]").unwrap().is_empty());
        assert!(p.finish().unwrap().is_empty());
        // The parser is reusable after finish.
        assert_eq!(p.push(b"data: again\n\n").unwrap(), vec![SseEvent::data("again")]);
    }

    #[test]
    fn too_large_single_line() {
        let mut p = SseParser::new(16);
        assert!(p.push(b"data: 0123456789").unwrap().is_empty());
        assert_eq!(p.push(b"abcdef").unwrap_err(), SseError::TooLarge);
        assert_eq!(p.push(b"\n\n").unwrap_err(), SseError::TooLarge);
    }

    #[test]
    fn too_large_many_data_lines() {
        let mut p = SseParser::new(32);
        let mut failed = false;
        for _ in 0..20 {
            match p.push(b"data: abcdef\n") {
                Ok(evs) => assert!(evs.is_empty()),
                Err(e) => {
                    assert_eq!(e, SseError::TooLarge);
                    failed = true;
                    break;
                }
            }
        }
        assert!(failed);
    }

    #[test]
    fn limit_is_per_event_not_per_stream() {
        let mut p = SseParser::new(32);
        for _ in 0..1000 {
            assert_eq!(
                p.push(b"data: abcdefghij\n\n: comment comment\n").unwrap(),
                vec![SseEvent::data("abcdefghij")]
            );
        }
        // An event exactly at the limit (its longest raw line counts) passes.
        let mut p = SseParser::new(14);
        assert_eq!(
            p.push(b"data:123456789\n\n").unwrap(),
            vec![SseEvent::data("123456789")]
        );
    }

    #[test]
    fn error_messages_do_not_echo_content() {
        let mut p = SseParser::new(8);
        let e = p.push(b"data: secret-password-123\n\n").unwrap_err();
        assert!(!e.to_string().contains("secret"));
        let mut p = SseParser::new(1024);
        let e = p.push(b"data: secret\xFF\n\n").unwrap_err();
        assert!(!e.to_string().contains("secret"));
        assert!(!format!("{e:?}").contains("secret"));
    }

    #[test]
    fn encode_shapes() {
        assert_eq!(&SseEvent::data("x").encode()[..], b"data: x\n\n");
        assert_eq!(
            &SseEvent::named("ping", "{}").encode()[..],
            b"event: ping\ndata: {}\n\n"
        );
        assert_eq!(
            &SseEvent::data("a\nb\r\nc\rd").encode()[..],
            b"data: a\ndata: b\ndata: c\ndata: d\n\n"
        );
        assert_eq!(&SseEvent::data("").encode()[..], b"data:\n\n");
        assert_eq!(
            &SseEvent::named("bad\nevent", "x").encode()[..],
            b"event: badevent\ndata: x\n\n"
        );
        let mut buf = b"prefix".to_vec();
        SseEvent::data("[DONE]").encode_into(&mut buf);
        assert_eq!(buf, b"prefixdata: [DONE]\n\n");
    }

    #[test]
    fn encode_parse_round_trip_property() {
        let alphabet: Vec<char> = "ab :\n\r\t{}\"é日🎉data".chars().collect();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..200 {
            let mut events = Vec::new();
            let mut wire = Vec::new();
            for _ in 0..rng.below(5) + 1 {
                let len = rng.below(30) as usize;
                let mut data: String = (0..len)
                    .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
                    .collect();
                // \r\n and a lone \r are both one line break: normalise to \n
                // the way a reader will see it.
                data = data.replace("\r\n", "\n").replace('\r', "\n");
                let ev = if rng.below(2) == 0 {
                    SseEvent::data(data)
                } else {
                    SseEvent::named("message_delta", data)
                };
                ev.encode_into(&mut wire);
                events.push(ev);
            }
            // Feed in random chunk sizes.
            let mut p = SseParser::new(1 << 16);
            let mut got = Vec::new();
            let mut rest = &wire[..];
            while !rest.is_empty() {
                let n = (rng.below(7) as usize + 1).min(rest.len());
                got.extend(p.push(&rest[..n]).unwrap());
                rest = &rest[n..];
            }
            got.extend(p.finish().unwrap());
            assert_eq!(got, events);
        }
    }

    #[test]
    fn openai_stream_with_done() {
        let input = b"data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: [DONE]\n\n";
        let evs = parse_every_way(input);
        assert_eq!(evs.len(), 2);
        assert_eq!(evs[1], SseEvent::data("[DONE]"));
    }
}
