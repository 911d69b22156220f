"""What a phone camera reads from a picture of the screen: the texts of the QR codes in it."""

import io

import zxingcpp
from PIL import Image


def codes_in(png):
    """The texts of the QR codes in a PNG screenshot (bytes), in zxing-cpp's order."""
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
