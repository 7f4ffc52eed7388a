"""onnxruntime-genai's side of the engine benchmark (engine/benches/engine.rs runs it).

Greedy, batch 1, the given prompt ids, exactly NEW tokens (EOS kept out with
min_length), 1 warm-up then REPS runs. Prints one JSON object: medians of time
to first token (wall and process CPU), decode tokens/s, CPU ms per decoded
token, and the tokens of the last run.
Usage: MODEL_DIR PROMPT_IDS_JSON NEW REPS THREADS"""
import json
import statistics
import sys
import time

import onnxruntime_genai as og

model_dir, ids, new, reps, threads = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
config = og.Config(model_dir)
if threads:
    config.overlay(json.dumps({"model": {"decoder": {"session_options": {"intra_op_num_threads": threads}}}}))
model = og.Model(config)
runs = []
for rep in range(reps + 1):
    params = og.GeneratorParams(model)
    params.set_search_options(max_length=len(ids) + new, min_length=len(ids) + new, do_sample=False)
    gen = og.Generator(model, params)
    t0, c0 = time.perf_counter(), time.process_time()
    gen.append_tokens(ids)
    gen.generate_next_token()
    out = [int(gen.get_next_tokens()[0])]
    t1, c1 = time.perf_counter(), time.process_time()
    while len(out) < new:
        gen.generate_next_token()
        out.append(int(gen.get_next_tokens()[0]))
    t2, c2 = time.perf_counter(), time.process_time()
    if rep > 0:
        runs.append({"ttft_ms": (t1 - t0) * 1e3, "ttft_cpu_ms": (c1 - c0) * 1e3,
                     "decode_tok_s": (new - 1) / (t2 - t1), "cpu_ms_per_tok": (c2 - c1) * 1e3 / (new - 1), "tokens": out})
    del gen
med = lambda k: statistics.median(r[k] for r in runs)
print(json.dumps({"generator": f"onnxruntime-genai {og.__version__}", "ttft_ms": med("ttft_ms"),
                  "ttft_cpu_ms": med("ttft_cpu_ms"), "decode_tok_s": med("decode_tok_s"),
                  "cpu_ms_per_tok": med("cpu_ms_per_tok"), "tokens": runs[-1]["tokens"]}))
