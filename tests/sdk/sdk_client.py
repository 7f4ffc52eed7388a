"""Drives Cordon with the official OpenAI and Anthropic Python SDKs.

Usage: sdk_client.py MODE   (openai-chat | openai-stream | openai-tools | anthropic-messages | anthropic-stream |
                             anthropic-tools | openai-bad-key | openai-blocked | anthropic-blocked)
CORDON_PROMPT: the user message.
Environment: CORDON_BASE (https://127.0.0.1:PORT), CORDON_CA (PEM file), CORDON_KEY (client API key),
CORDON_MODEL (model name). Prints one JSON object with what the SDK returned.
"""

import json
import os
import ssl
import sys

try:  # the SDK versions pinned in requirements.txt ship on httpx2
    import httpx2 as httpx
except ImportError:  # older SDKs use httpx
    import httpx


def http_client():
    ctx = ssl.create_default_context(cafile=os.environ["CORDON_CA"])
    return httpx.Client(verify=ctx, timeout=30.0)


def openai_client():
    from openai import OpenAI

    return OpenAI(
        base_url=os.environ["CORDON_BASE"] + "/v1",
        api_key=os.environ["CORDON_KEY"],
        http_client=http_client(),
        max_retries=0,
    )


def anthropic_client():
    from anthropic import Anthropic

    return Anthropic(
        base_url=os.environ["CORDON_BASE"],
        api_key=os.environ["CORDON_KEY"],
        http_client=http_client(),
        max_retries=0,
    )


def main():
    mode = sys.argv[1]
    model = os.environ.get("CORDON_MODEL", "gpt-4o-mini")
    prompt = os.environ.get("CORDON_PROMPT", "Say hello.")
    out = {}
    if mode == "openai-chat":
        raw = openai_client().chat.completions.with_raw_response.create(
            model=model,
            messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": prompt}],
        )
        r = raw.parse()
        out = {
            "text": r.choices[0].message.content,
            "finish_reason": r.choices[0].finish_reason,
            "model": r.model,
            "usage": r.usage.total_tokens if r.usage else None,
            "route": raw.headers.get("x-cordon-route"),
            "decision_id": raw.headers.get("x-cordon-decision-id"),
        }
    elif mode == "openai-stream":
        stream = openai_client().chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": prompt}],
            stream=True,
            stream_options={"include_usage": True},
        )
        pieces, finish, usage = [], None, None
        for chunk in stream:
            if chunk.usage:
                usage = chunk.usage.total_tokens
            for c in chunk.choices:
                if c.delta and c.delta.content:
                    pieces.append(c.delta.content)
                if c.finish_reason:
                    finish = c.finish_reason
        out = {"text": "".join(pieces), "chunks": len(pieces), "finish_reason": finish, "usage": usage}
    elif mode == "openai-tools":
        r = openai_client().chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": prompt}],
            tools=[{"type": "function", "function": {"name": "lookup", "description": "Look it up.",
                    "parameters": {"type": "object", "properties": {"echo": {"type": "string"}}}}}],
        )
        call = r.choices[0].message.tool_calls[0]
        out = {
            "tool": call.function.name,
            "arguments": json.loads(call.function.arguments),
            "finish_reason": r.choices[0].finish_reason,
            "usage": r.usage.total_tokens if r.usage else None,
        }
    elif mode == "anthropic-tools":
        m = anthropic_client().messages.create(
            model=model,
            max_tokens=64,
            messages=[{"role": "user", "content": prompt}],
            tools=[{"name": "lookup", "description": "Look it up.",
                    "input_schema": {"type": "object", "properties": {"echo": {"type": "string"}}}}],
        )
        use = [b for b in m.content if b.type == "tool_use"][0]
        out = {
            "tool": use.name,
            "arguments": use.input,
            "stop_reason": m.stop_reason,
            "usage": m.usage.input_tokens + m.usage.output_tokens,
        }
    elif mode == "anthropic-messages":
        raw = anthropic_client().messages.with_raw_response.create(
            model=model,
            max_tokens=64,
            system="Be brief.",
            messages=[{"role": "user", "content": prompt}],
        )
        m = raw.parse()
        out = {
            "text": "".join(b.text for b in m.content if b.type == "text"),
            "stop_reason": m.stop_reason,
            "model": m.model,
            "usage": m.usage.input_tokens + m.usage.output_tokens,
            "route": raw.headers.get("x-cordon-route"),
        }
    elif mode == "anthropic-stream":
        with anthropic_client().messages.stream(
            model=model, max_tokens=64, messages=[{"role": "user", "content": prompt}]
        ) as s:
            pieces = list(s.text_stream)
            final = s.get_final_message()
        out = {
            "text": "".join(pieces),
            "chunks": len(pieces),
            "stop_reason": final.stop_reason,
            "usage": final.usage.output_tokens,
        }
    elif mode == "openai-bad-key":
        from openai import AuthenticationError

        try:
            openai_client().chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])
            out = {"error": None}
        except AuthenticationError as e:
            out = {"error": "authentication", "status": e.status_code, "message": e.message}
    elif mode == "openai-blocked":
        from openai import PermissionDeniedError

        try:
            openai_client().chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])
            out = {"error": None}
        except PermissionDeniedError as e:
            out = {"error": "permission", "status": e.status_code, "message": e.message, "body": e.body}
    elif mode == "anthropic-blocked":
        from anthropic import PermissionDeniedError

        try:
            anthropic_client().messages.create(
                model=model, max_tokens=32, messages=[{"role": "user", "content": prompt}]
            )
            out = {"error": None}
        except PermissionDeniedError as e:
            out = {"error": "permission", "status": e.status_code, "message": e.message, "body": e.body}
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
