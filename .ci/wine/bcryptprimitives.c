/* Wine 8.0 has no bcryptprimitives.dll, whose ProcessPrng every Go program
 * since Go 1.24 needs on Windows to start. This stand-in, used only to run
 * the Windows build under Wine in CI, answers it from advapi32's
 * RtlGenRandom (SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
