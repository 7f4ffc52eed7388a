"""Greedy tokens and first logits of Cordon's tiny architecture models against
llama.cpp (llama-cpp-python), run by scripts/compare-llamacpp.

Usage: DIR (holding NAME.gguf and NAME.json, written by the engine's ignored
test `write_tiny_models`: each architecture in quantized blocks, and as
NAME-f32 with every matrix in F32, where llama.cpp computes in f32 instead of
quantizing activations to 8 bits). Prints one line per model: the first
logits' difference, how many greedy tokens are identical before the first
that differs, and at how many steps llama.cpp's greedy token is Cordon's when
both read Cordon's tokens so far (one near-tie flipped by llama.cpp's 8-bit
activations then counts once, not for every step after it). Exits 1 when a
model's tokens differ."""
import json
import pathlib
import sys

import numpy as np
from llama_cpp import Llama

root = pathlib.Path(sys.argv[1])
failed = False
for doc in sorted(root.glob("*.json")):
    name = doc.stem
    want = json.loads(doc.read_text())
    prompt, ours = want["prompt"], want["tokens"]
    try:
        llm = Llama(model_path=str(root / f"{name}.gguf"), n_ctx=128, n_batch=64, n_threads=1,
                    logits_all=True, verbose=False)
    except Exception as e:  # a file llama.cpp does not load
        print(f"{name:10} llama.cpp could not load it: {e}")
        failed = True
        continue
    llm.reset()
    llm.eval(prompt)
    first = np.array(llm.scores[len(prompt) - 1], dtype=np.float64)
    theirs = [int(np.argmax(first))]
    while len(theirs) < len(ours):
        llm.eval([theirs[-1]])
        theirs.append(int(np.argmax(llm.scores[llm.n_tokens - 1])))
    ref = np.array(want["logits"], dtype=np.float64)
    scale = max(1.0, float(np.abs(ref).max()))
    err = float(np.abs(first - ref).max()) / scale
    same = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), len(ours))
    # Cordon's tokens fed back: does llama.cpp pick the same token at each step?
    llm.reset()
    llm.eval(prompt + ours[:-1])
    forced = sum(int(np.argmax(llm.scores[len(prompt) - 1 + i])) == t for i, t in enumerate(ours))
    print(f"{name:10} first logits: max relative difference {err:.2e}; greedy tokens identical: "
          f"{same}/{len(ours)}; same token at each step on Cordon's tokens: {forced}/{len(ours)}")
    failed |= same != len(ours)
sys.exit(1 if failed else 0)
