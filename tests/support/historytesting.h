#pragma once

// Helpers shared by the historian tests: small tag directories and change sets.

#include "tags/tagchange.h"
#include "tags/tagdirectory.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace vigil::testing
{

inline std::shared_ptr<const TagDirectory> makeTags(const QStringList &ids,
                                                    DataType type = DataType::Float64)
{
    std::vector<TagDefinition> tags;
    for (const QString &id : ids) {
        TagDefinition t;
        t.id = id;
        t.device = QStringLiteral("dev");
        t.type = type;
        t.unit = QStringLiteral("bar");
        t.rangeLo = 0;
        t.rangeHi = 100;
        tags.push_back(t);
    }
    return std::make_shared<const TagDirectory>(std::move(tags));
}

inline std::shared_ptr<const TagDirectory> makeTags(std::vector<TagDefinition> tags)
{
    return std::make_shared<const TagDirectory>(std::move(tags));
}

inline TagChange change(quint32 tag, qint64 time, double value, Quality q = Quality::Good)
{
    TagChange c;
    c.tag = tag;
    c.sourceTime = time;
    c.serverTime = time;
    c.value = value;
    c.quality = q;
    return c;
}

} // namespace vigil::testing
