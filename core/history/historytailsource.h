#pragma once

#include "chunkbuffer.h"

#include <QList>
#include <QString>

namespace vigil
{

// Gives readers the chunks of a tag that the writer holds but has not committed yet, so that
// queries see every sample the historian has received. Implementations are thread-safe.
class HistoryTailSource
{
public:
    virtual ~HistoryTailSource() = default;
    // Oldest first; empty if the tag is unknown or has nothing uncommitted.
    virtual QList<ChunkBuffer::TailChunk> tail(const QString &tagName) const = 0;
};

} // namespace vigil
