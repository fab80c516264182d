#include "interlockevaluator.h"

#include "commandinputs.h"
#include "tags/tagdirectory.h"

namespace vigil
{

InterlockEvaluator::InterlockEvaluator(const TagDirectory &directory)
    : m_byTag(directory.size())
{
    for (quint32 tag = 0; tag < directory.size(); ++tag) {
        for (const InterlockRule &rule : directory.at(tag).command.interlocks) {
            Compiled compiled{rule, -1, {}};
            if (const auto input = directory.indexOf(rule.tagId)) {
                compiled.input = *input;
                compiled.unit = directory.at(*input).unit;
            }
            m_byTag[tag].push_back(compiled);
        }
    }
}

QStringList InterlockEvaluator::blocking(quint32 tag, const QVariant &target,
                                         const CommandInputs &inputs) const
{
    QStringList reasons;
    if (tag >= m_byTag.size())
        return reasons;
    for (const Compiled &interlock : m_byTag[tag]) {
        if (target.isValid() && !appliesTo(interlock.rule, target))
            continue;
        if (interlock.input < 0) {
            reasons << QStringLiteral("%1 is unknown: interlock cannot be evaluated")
                           .arg(interlock.rule.tagId);
            continue;
        }
        const CommandInputs::Input input = inputs.at(quint32(interlock.input));
        if (!isGood(input.quality)) {
            const QString quality =
                isBad(input.quality) ? QStringLiteral("Bad") : QStringLiteral("Uncertain");
            reasons << QStringLiteral("%1 is %2: interlock cannot be evaluated")
                           .arg(interlock.rule.tagId, quality);
        } else if (holds(interlock.rule, input.value)) {
            reasons << describe(interlock);
        }
    }
    return reasons;
}

bool InterlockEvaluator::appliesTo(const InterlockRule &rule, const QVariant &target)
{
    if (!rule.appliesToValue.isValid())
        return true;
    if (rule.appliesToValue.typeId() == QMetaType::Bool)
        return target.toBool() == rule.appliesToValue.toBool();
    if (rule.appliesToValue.typeId() == QMetaType::QString)
        return target.toString() == rule.appliesToValue.toString();
    return target.toDouble() == rule.appliesToValue.toDouble();
}

bool InterlockEvaluator::holds(const InterlockRule &rule, double value)
{
    const double v = rule.isBool ? (value != 0.0 ? 1.0 : 0.0) : value;
    switch (rule.op) {
    case InterlockRule::Op::Less:
        return v < rule.number;
    case InterlockRule::Op::LessEqual:
        return v <= rule.number;
    case InterlockRule::Op::Greater:
        return v > rule.number;
    case InterlockRule::Op::GreaterEqual:
        return v >= rule.number;
    case InterlockRule::Op::Equal:
        return v == rule.number;
    case InterlockRule::Op::NotEqual:
        return v != rule.number;
    }
    return false;
}

QString InterlockEvaluator::describe(const Compiled &interlock)
{
    const InterlockRule &rule = interlock.rule;
    QString operand;
    if (rule.isBool)
        operand = rule.number != 0.0 ? QStringLiteral("true") : QStringLiteral("false");
    else if (interlock.unit.isEmpty())
        operand = QString::number(rule.number);
    else
        operand = QStringLiteral("%1 %2").arg(QString::number(rule.number), interlock.unit);
    QString text = QStringLiteral("%1 %2 %3").arg(rule.tagId, interlockOpSymbol(rule.op), operand);
    if (!rule.reason.isEmpty())
        text += QStringLiteral(" (%1)").arg(rule.reason);
    return text;
}

} // namespace vigil
