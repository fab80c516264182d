#include "readbacktracker.h"

#include "commandchecks.h"
#include "commandinputs.h"
#include "tags/tagdirectory.h"

#include <algorithm>
#include <cmath>

namespace vigil
{

ReadbackTracker::ReadbackTracker(const TagDirectory &directory)
    : m_directory(directory)
    , m_rules(directory.size())
{
    for (quint32 tag = 0; tag < directory.size(); ++tag) {
        const TagDefinition &def = directory.at(tag);
        Rule &rule = m_rules[tag];
        rule.feedback = tag;
        if (!def.command.feedback.isEmpty()) {
            if (const auto feedback = directory.indexOf(def.command.feedback))
                rule.feedback = *feedback;
        }
        const TagDefinition &read = directory.at(rule.feedback);
        rule.boolean = def.type == DataType::Bool;
        rule.text = def.type == DataType::String;
        // String values are not kept for comparison: their write's confirmation is the result.
        rule.ackOnly = def.command.verify == CommandVerify::Ack || rule.text;
        rule.timeoutMs = def.command.feedbackTimeoutMs;
        rule.tolerance =
            std::isnan(def.command.feedbackTolerance)
                ? std::max(read.deadband, 0.005 * std::abs(read.rangeHi - read.rangeLo))
                : def.command.feedbackTolerance;
    }
}

bool ReadbackTracker::reached(quint32 tag, const QVariant &target,
                              const CommandInputs &inputs) const
{
    const Rule &rule = m_rules[tag];
    const CommandInputs::Input input = inputs.at(rule.feedback);
    if (!isGood(input.quality) || !input.hasValue)
        return false;
    if (rule.boolean)
        return (input.value != 0.0) == target.toBool();
    return std::abs(input.value - target.toDouble()) <= rule.tolerance;
}

QString ReadbackTracker::failure(quint32 tag, const QVariant &target,
                                 const CommandInputs &inputs) const
{
    const Rule &rule = m_rules[tag];
    const TagDefinition &read = m_directory.at(rule.feedback);
    const CommandInputs::Input input = inputs.at(rule.feedback);
    QString readback;
    if (!input.hasValue)
        readback = QStringLiteral("no read-back");
    else if (rule.boolean)
        readback = QStringLiteral("read-back %1").arg(input.value != 0.0 ? 1 : 0);
    else
        readback = QStringLiteral("read-back %1").arg(QString::number(input.value));
    if (input.hasValue && !isGood(input.quality))
        readback += QStringLiteral(", %1").arg(qualityName(input.quality));
    return QStringLiteral("%1 did not reach %2 within %3 (%4)")
        .arg(read.id, CommandChecks::valueText(m_directory.at(tag), target),
             CommandChecks::durationText(rule.timeoutMs), readback);
}

} // namespace vigil
