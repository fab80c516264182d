#include "tagdirectory.h"

namespace vigil
{

TagDirectory::TagDirectory(std::vector<TagDefinition> tags)
    : m_tags(std::move(tags))
{
    m_index.reserve(qsizetype(m_tags.size()));
    for (quint32 i = 0; i < m_tags.size(); ++i)
        m_index.insert(m_tags[i].id, i);
}

std::optional<quint32> TagDirectory::indexOf(const QString &id) const
{
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd())
        return std::nullopt;
    return *it;
}

std::vector<quint32> TagDirectory::tagsOfDevice(const QString &device) const
{
    std::vector<quint32> out;
    for (quint32 i = 0; i < m_tags.size(); ++i) {
        if (m_tags[i].device == device)
            out.push_back(i);
    }
    return out;
}

} // namespace vigil
