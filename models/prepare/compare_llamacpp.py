"""Greedy tokens and first logits of Cordon's tiny architecture models against
llama.cpp (llama-cpp-python), run by scripts/compare-llamacpp.

Usage: DIR (holding NAME.gguf and NAME.json, written by the engine's ignored
test `write_tiny_models`). Prints one line per model and exits 1 when a
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
        print(f"{name:8} llama.cpp could not load it: {e}")
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
    print(f"{name:8} first logits: max relative difference {err:.2e}; greedy tokens identical: {same}/{len(ours)}")
    failed |= same != len(ours)
sys.exit(1 if failed else 0)
