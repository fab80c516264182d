#pragma once

#include <QtGlobal>

#include <atomic>

namespace vigil
{

// Rows the history database refused for their data and the writer dropped (HistorySalvage):
// counted on the writer thread, read by Historian::stats() on any thread.
struct HistoryRejects {
    std::atomic<quint64> rows{0};
    std::atomic<quint64> samples{0}; // samples lost with the refused chunk rows
};

} // namespace vigil
