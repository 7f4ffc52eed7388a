"""GGUF (llama family) -> Hugging Face folder with fp32 safetensors.

transformers dequantizes the GGUF weights on load but refuses to save a model
"quantized with gguf", so the state dict goes into a fresh model built from the
same config without its quantization_config. Usage: SRC_DIR GGUF_NAME OUT_DIR
"""
import sys

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

src_dir, fname, out = sys.argv[1], sys.argv[2], sys.argv[3]
tok = AutoTokenizer.from_pretrained(src_dir, gguf_file=fname)
quantized = AutoModelForCausalLM.from_pretrained(src_dir, gguf_file=fname, dtype=torch.float32)
cfg = quantized.config
if hasattr(cfg, "quantization_config"):
    delattr(cfg, "quantization_config")
cfg._name_or_path = "SmolLM2-135M-Instruct"
model = type(quantized)(cfg)
result = model.load_state_dict(quantized.state_dict(), strict=False)
if result.missing_keys or result.unexpected_keys:
    sys.exit(f"state dict mismatch: {result}")
model.eval()
model.save_pretrained(out)
tok.save_pretrained(out)
model.generation_config.save_pretrained(out)
print("converted", fname, "->", out)
