"""Freed array memory kept in the process while a population is computed.

The column program allocates and frees arrays of a part's size (2^17 rows: 1 MiB each) hundreds
of times per part. glibc's malloc gives such blocks back to the system as soon as they are freed
(mmap, and trimming the heap), so every new array is fresh pages the kernel must fault in and
zero: on zorgtoeslag about 15,000 page faults per 10^6 households, some 15 % of the run (measured
with `resource.getrusage` around `Vectorised.compute`). Raising glibc's mmap and trim thresholds
makes it reuse the freed blocks instead. It only changes when memory goes back to the system,
never what is computed; a process that is not on glibc keeps its allocator as it is.
"""

from __future__ import annotations

import ctypes
import sys
import threading

M_TRIM_THRESHOLD = -1  # glibc's mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 64 * 1024 * 1024  # arrays up to 8 million int64 come from the heap
TRIM_THRESHOLD = 256 * 1024 * 1024  # free memory kept at the top of the heap

_done = False
_lock = threading.Lock()


def keep_freed_arrays() -> bool:
    """Tune glibc once per process (see the module docstring); whether it was done."""
    global _done
    with _lock:
        if _done:
            return True
        if not sys.platform.startswith("linux"):
            return False
        try:
            mallopt = ctypes.CDLL(None).mallopt
        except (OSError, AttributeError):
            return False
        mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        mallopt.restype = ctypes.c_int
        _done = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and \
            bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
        return _done
