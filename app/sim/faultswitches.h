#pragma once

#include <atomic>

namespace vigil::sim
{

// Fault injection, set from the command line and changed at run time through the fault
// registers (holding registers 9000..9005 of any unit, exempt from the faults themselves):
//   9000 delay every response by N ms            9001 answer every request with exception N
//   9002 write 1: drop every connection now       9003 corrupt the CRC of every Nth RTU response
//   9004 drop the connection instead of answering every Nth request
//   9005 weigh scale (serial): a line of noise bytes before every Nth record
struct FaultSwitches {
    static constexpr int kFirstRegister = 9000;
    static constexpr int kRegisterCount = 6;

    std::atomic<int> delayMs{0};
    std::atomic<int> exceptionCode{0};
    std::atomic<int> dropGeneration{0}; // incremented to drop all connections now
    std::atomic<int> corruptEvery{0};
    std::atomic<int> dropEvery{0};
    std::atomic<int> scaleGarbageEvery{0};
};

} // namespace vigil::sim
