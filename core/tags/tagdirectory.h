#pragma once

#include "tagdefinition.h"

#include <QHash>

#include <optional>
#include <vector>

namespace vigil
{

// The plant's tags in load order. A tag's index here is its identity everywhere at run time
// (samples, change sets, models); ids are only looked up at the edges.
class TagDirectory
{
public:
    TagDirectory() = default;
    explicit TagDirectory(std::vector<TagDefinition> tags);

    quint32 size() const { return quint32(m_tags.size()); }
    const TagDefinition &at(quint32 index) const { return m_tags[index]; }
    const std::vector<TagDefinition> &all() const { return m_tags; }
    std::optional<quint32> indexOf(const QString &id) const;
    // Indices of the tags that belong to a device, in load order.
    std::vector<quint32> tagsOfDevice(const QString &device) const;

private:
    std::vector<TagDefinition> m_tags;
    QHash<QString, quint32> m_index;
};

} // namespace vigil
