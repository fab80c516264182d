#pragma once

#include "tags/quality.h"

#include <QList>
#include <QMetaType>

namespace vigil
{

// One stored sample of a numeric tag: engineering value, quality and source time (ms, UTC).
struct HistorySample {
    qint64 time = 0;
    double value = 0.0;
    Quality quality = Quality::Good;

    friend bool operator==(const HistorySample &, const HistorySample &) = default;
};

using HistorySamples = QList<HistorySample>;

} // namespace vigil

Q_DECLARE_METATYPE(vigil::HistorySample)
