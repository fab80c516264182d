#pragma once

#include "tags/tagdefinition.h"

#include <QCoreApplication>
#include <QVariant>

#include <optional>

namespace vigil
{

class TagDirectory;

// The tag a faceplate shows, and how its values read to the operator: a bool tag is a discrete
// device whose states carry the configured labels (Stop/Start), anything else an analog setpoint
// with its unit and display decimals.
class FaceplateTag
{
    Q_DECLARE_TR_FUNCTIONS(vigil::FaceplateTag)
public:
    FaceplateTag(const TagDirectory &tags, quint32 index);

    quint32 index() const { return m_index; }
    const TagDefinition &definition() const { return *m_def; }
    bool discrete() const;
    QString label(bool state) const; // the configured label, else "Off"/"On"
    // A value as the faceplate shows it, without the unit: labels for discrete, decimals else.
    QString format(const QVariant &value) const;
    // "12.5 → 40.0 °C", "Stop → Start".
    QString transition(const QVariant &from, const QVariant &to) const;

private:
    quint32 m_index;
    const TagDefinition *m_def;
};

} // namespace vigil
