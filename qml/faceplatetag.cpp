#include "faceplatetag.h"

#include "tags/tagdirectory.h"

#include <QLocale>

namespace vigil
{

FaceplateTag::FaceplateTag(const TagDirectory &tags, quint32 index)
    : m_index(index)
    , m_def(&tags.at(index))
{
}

bool FaceplateTag::discrete() const
{
    return m_def->type == DataType::Bool;
}

QString FaceplateTag::label(bool state) const
{
    const QStringList &labels = m_def->command.labels;
    if (labels.size() == 2)
        return labels.at(state ? 1 : 0);
    return state ? tr("On") : tr("Off");
}

QString FaceplateTag::format(const QVariant &value) const
{
    if (!value.isValid())
        return QStringLiteral("—");
    if (discrete())
        return label(value.toBool());
    if (m_def->type == DataType::String)
        return value.toString();
    return QLocale().toString(value.toDouble(), 'f', m_def->displayDecimals());
}

QString FaceplateTag::transition(const QVariant &from, const QVariant &to) const
{
    const QString text = format(from) + QStringLiteral(" → ") + format(to);
    return discrete() || m_def->unit.isEmpty() ? text : text + QLatin1Char(' ') + m_def->unit;
}

} // namespace vigil
