#pragma once

#include "tags/quality.h"
#include "tags/tagchange.h"

namespace vigil
{

// The engine's view of one tag: its last value and quality, and its rate of change.
//
// The rate is taken between consecutive reported changes of the tag, over their source times
// (units per second, signed). The tag table's deadband already drops moves too small to matter,
// so two consecutive changes span the time the value actually took to move. A sample whose
// source time does not advance leaves the rate as it was; a Bad sample forgets the previous
// one, so the first rate after a recovery spans good data only.
struct AlarmInput {
    double value = 0.0;
    double rate = 0.0;
    qint64 sourceTime = 0;
    qint64 changedMono = 0; // when the engine received the last change (monotonic)
    Quality quality = Quality::WaitingForInitialData;
    bool hasValue = false;
    bool hasRate = false;

    bool usable() const { return hasValue && !isBad(quality); }

    void update(const TagChange &change, qint64 monoMs)
    {
        quality = change.quality;
        changedMono = monoMs;
        if (isBad(change.quality)) {
            hasRate = false;
            hasValue = false;
            return;
        }
        if (hasValue && change.sourceTime > sourceTime) {
            rate = (change.value - value) * 1000.0 / double(change.sourceTime - sourceTime);
            hasRate = true;
        }
        value = change.value;
        sourceTime = change.sourceTime;
        hasValue = true;
    }
};

} // namespace vigil
