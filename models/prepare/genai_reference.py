"""Reference greedy tokens from onnxruntime-genai for a model folder, as JSON on stdout.

The engine's tests compare their own greedy tokens with these: same model, same prompt ids,
same number of new tokens. Prompts are given as raw text (already templated) so the
comparison does not depend on either side's chat-template rendering.
Usage: MODEL_DIR [NEW_TOKENS]"""
import json
import sys

import onnxruntime_genai as og

model_dir = sys.argv[1]
new = int(sys.argv[2]) if len(sys.argv) > 2 else 24
system = "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
prompts = [
    system + "<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n",
    system + "<|im_start|>user\nWrite a haiku about the sea.<|im_end|>\n<|im_start|>assistant\n",
    "Once upon a time",
    system + "<|im_start|>user\nSummarize: the patient was admitted on Tuesday with chest pain, "
    "treated, and discharged two days later in good health.<|im_end|>\n<|im_start|>assistant\n",
]
model = og.Model(model_dir)
tok = og.Tokenizer(model)
cases = []
for text in prompts:
    ids = [int(i) for i in tok.encode(text)]
    params = og.GeneratorParams(model)
    # min_length keeps EOS out so that every case compares exactly `new` tokens.
    params.set_search_options(max_length=len(ids) + new, min_length=len(ids) + new, do_sample=False)
    gen = og.Generator(model, params)
    gen.append_tokens(ids)
    out = []
    while not gen.is_done():
        gen.generate_next_token()
        out.append(int(gen.get_next_tokens()[0]))
    cases.append({"prompt": text, "prompt_ids": ids, "tokens": out})
json.dump({"generator": f"onnxruntime-genai {og.__version__}", "new_tokens": new, "suppress_eos": True,
           "cases": cases}, sys.stdout, indent=1)
print()
