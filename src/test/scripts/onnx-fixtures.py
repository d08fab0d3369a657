#!/usr/bin/python3
"""Writes the ONNX test fixtures of OnnxEmbedderTest (run from the repository root):

    /usr/bin/python3 src/test/scripts/onnx-fixtures.py

Needs PyTorch (Debian's python3-torch 1.13 was used). Deterministic: seeded weights, images drawn
from a formula that the Java test repeats (OnnxEmbedderTest.image). Output folder:
src/test/resources/org/databoost/embedding/onnx/

- tiny.onnx: conv 3->4 (3x3, stride 2), tanh, linear 80->6, reshaped to N x 2 x 3; batch axis
  dynamic; input N x 3 x 12 x 10 (C x H x W).
- tiny-batch2.onnx: the same network exported with a fixed batch of 2 (torch.onnx.export's
  default when no dynamic axis is named).
- two-outputs.onnx, flat-input.onnx: networks an image embedder cannot use.
- tiny-expected.txt: PyTorch's output of tiny.onnx's network for the three test images prepared
  as InputSpec(10, 12, 3, MEAN, STD) prepares them (area averaging of the 20 x 24 images by 2 in
  each direction, 0..1, minus mean, over std), one image a line, not normalised.
"""
import os
import sys

import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/org/databoost/embedding/onnx"
MEAN = torch.tensor([0.5, 0.4, 0.3], dtype=torch.float32)
STD = torch.tensor([0.2, 0.25, 0.3], dtype=torch.float32)
W, H = 20, 24  # image size; the network's input is half of it in each direction


def image(k):
    """Image k as 3 x H x W integers 0..255 (R, G, B), the formula of OnnxEmbedderTest.image."""
    px = torch.zeros(3, H, W, dtype=torch.int64)
    for y in range(H):
        for x in range(W):
            px[0, y, x] = (x * 23 + y * 7 + k * 50) % 256
            px[1, y, x] = (x * 5 + y * 31 + k * 90 + 17) % 256
            px[2, y, x] = (x * x + y * 3 + k * 11 + 101) % 256
    return px


def prepared(k):
    # InputSpec: the 0..1 plane is area-averaged in double precision, then cast to float.
    small = torch.nn.functional.avg_pool2d(image(k).double().unsqueeze(0) / 255.0, 2)[0]
    small = small.float()
    return (small - MEAN[:, None, None]) / STD[:, None, None]


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3, stride=2)
        self.fc = torch.nn.Linear(80, 6)

    def forward(self, x):
        y = torch.tanh(self.conv(x)).flatten(1)
        return self.fc(y).reshape(-1, 2, 3)


class TwoOutputs(torch.nn.Module):
    def __init__(self, tiny):
        super().__init__()
        self.tiny = tiny

    def forward(self, x):
        y = self.tiny(x)
        return y, y * 2


class FlatInput(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(360, 1)

    def forward(self, x):
        return self.fc(x)


def export(module, example, name, dynamic, outputs=("embedding",)):
    axes = {"image": {0: "batch"}} if dynamic else None
    if axes is not None:
        for o in outputs:
            axes[o] = {0: "batch"}
    torch.onnx.export(
        module,
        example,
        os.path.join(OUT, name),
        input_names=["image"],
        output_names=list(outputs),
        dynamic_axes=axes,
        opset_version=13,
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(7)
    tiny = Tiny().eval()
    x = torch.stack([prepared(k) for k in range(3)])
    with torch.no_grad():
        export(tiny, x, "tiny.onnx", True)
        export(tiny, x[:2], "tiny-batch2.onnx", False)
        export(TwoOutputs(tiny), x, "two-outputs.onnx", True, ("a", "b"))
        export(FlatInput().eval(), torch.zeros(1, 360), "flat-input.onnx", True)
        y = tiny(x).reshape(3, -1)
    with open(os.path.join(OUT, "tiny-expected.txt"), "w") as f:
        for row in y:
            f.write(" ".join(repr(float(v)) for v in row) + "\n")


if __name__ == "__main__":
    main()
