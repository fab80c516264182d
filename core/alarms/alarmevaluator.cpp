#include "alarmevaluator.h"

#include <algorithm>
#include <cmath>

namespace vigil
{

AlarmCheck AlarmEvaluator::checkFor(const AlarmDefinition &definition)
{
    AlarmCheck check;
    check.limit = definition.rule.limit;
    check.deadband = std::max(0.0, definition.rule.deadband);
    check.tag = definition.tag;
    check.setpointTag = definition.setpointTag;
    check.type = definition.rule.type;
    check.digitalState = definition.rule.digitalState;
    check.isRule = definition.source == AlarmSource::Rule;
    return check;
}

bool AlarmEvaluator::canEvaluate(const AlarmCheck &check, const AlarmInput *inputs)
{
    const AlarmInput &pv = inputs[check.tag];
    if (!pv.usable())
        return false;
    switch (check.type) {
    case AlarmType::Deviation:
        return check.setpointTag != kNoTag && inputs[check.setpointTag].usable();
    case AlarmType::RateOfChange:
        return pv.hasRate;
    default:
        return true;
    }
}

bool AlarmEvaluator::evaluate(const AlarmCheck &check, const AlarmInput *inputs)
{
    const AlarmInput &pv = inputs[check.tag];
    switch (check.type) {
    case AlarmType::HiHi:
    case AlarmType::Hi:
        return above(pv.value, check);
    case AlarmType::Lo:
    case AlarmType::LoLo:
        return below(pv.value, check);
    case AlarmType::Digital:
        return (pv.value != 0.0) == check.digitalState;
    case AlarmType::Deviation:
        return above(std::abs(pv.value - inputs[check.setpointTag].value), check);
    case AlarmType::RateOfChange:
        return above(std::abs(pv.rate), check);
    }
    return check.condition;
}

bool AlarmEvaluator::evaluateQuietRate(const AlarmCheck &check)
{
    return above(0.0, check);
}

bool AlarmEvaluator::above(double v, const AlarmCheck &check)
{
    return check.condition ? v > check.limit - check.deadband : v > check.limit;
}

bool AlarmEvaluator::below(double v, const AlarmCheck &check)
{
    return check.condition ? v < check.limit + check.deadband : v < check.limit;
}

} // namespace vigil
