#pragma once

#include "quality.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace vigil
{

// One reading as a driver delivers it: the raw (unscaled) value of a tag.
// A sample whose quality is Bad carries no usable value: the tag keeps its last value.
struct TagSample {
    quint32 tag = 0; // index in the TagDirectory
    Quality quality = Quality::Good;
    qint64 sourceTime = 0; // ms since epoch from the device; 0: not provided
    double value = 0.0;    // raw numeric value (bool: 0 or 1)
    QString text;          // string tags only
};

// Drivers hand samples over in batches; nothing sends one signal per sample across threads.
using SampleBatch = QList<TagSample>;

} // namespace vigil

Q_DECLARE_METATYPE(vigil::SampleBatch)
