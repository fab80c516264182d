#pragma once

#include "chunkbuffer.h"
#include "config/historyconfig.h"

#include <QString>

namespace vigil
{

// Everything the historian needs to run: where (URL), what to keep ([history] of the plant
// file) and the timing of its writer.
struct HistorianOptions {
    QString url;      // sqlite:PATH or postgresql://...
    QString writerId; // owner of journal rows in a shared database; default: the host name
    HistoryConfig config;
    qint64 flushIntervalMs = 250;  // every sample is committed within this (plus the commit)
    qint64 retryIntervalMs = 2000; // while degraded
    qint64 purgeIntervalMs = 60'000;
    int purgeBatch = 500; // chunks per purge step
    // The panel clock may be this far behind the newest stored sample (at start) or go back this
    // far (while running) before the history after it is moved aside as a clock jump.
    qint64 clockToleranceMs = 10'000;
    ChunkBuffer::Limits limits;
};

} // namespace vigil
