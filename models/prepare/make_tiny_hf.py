"""A tiny random-weight Llama of SmolLM2's architecture (GQA, RMSNorm, SiLU MLP,
tied embeddings, rope_theta 1e5), with SmolLM2's tokenizer and chat template.
Usage: REAL_HF_DIR OUT_DIR (the real folder gives the tokenizer files)."""
import os
import shutil
import sys

import torch
from transformers import LlamaConfig, LlamaForCausalLM

src, out = sys.argv[1], sys.argv[2]
torch.manual_seed(0)
cfg = LlamaConfig(vocab_size=49152, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                  num_attention_heads=4, num_key_value_heads=2, head_dim=16, max_position_embeddings=2048,
                  rms_norm_eps=1e-5, rope_theta=100000.0, tie_word_embeddings=True,
                  bos_token_id=1, eos_token_id=2, pad_token_id=2, hidden_act="silu")
model = LlamaForCausalLM(cfg).eval()
model.save_pretrained(out)
for f in ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja", "generation_config.json",
          "special_tokens_map.json"):
    if os.path.exists(os.path.join(src, f)):
        shutil.copy(os.path.join(src, f), out)
print("tiny params:", sum(p.numel() for p in model.parameters()))
