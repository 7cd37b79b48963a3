// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the IRQ layer: request_irq()/free_irq() argument checking and
 * sharing, and interrupts injected with "int $vector" on lines with no
 * hardware behind them (the dummy chip), which get vectors from the
 * dynamic range for the test: a handled one reaches its handler in hard
 * interrupt context and is counted; an unhandled one, a spurious APIC
 * vector and a vector nobody owns are counted and survived.  The vector
 * allocator hands out distinct free vectors, runs out with -ENOSPC, and a
 * freed vector is unexpected again.
 */
#include <keel/errno.h>
#include <keel/hardirq.h>
#include <keel/irq.h>
#include <keel/ktest.h>
#include <asm/hw_irq.h>
#include <asm/irq_vectors.h>

#define TEST_IRQ	(NR_IRQS - 1)
#define TEST_IRQ_IDLE	(NR_IRQS - 2)
#define UNUSED_VECTOR	0x80

/*
 * "int $v; ret" for every vector from 0x20, four bytes apart: "int" takes
 * only an immediate, and the test's vectors are known at run time.
 */
extern const char irq_test_int_stubs[];
__asm__(".pushsection .text, \"ax\"\n"
	".balign 4\n"
	".globl irq_test_int_stubs\n"
	"irq_test_int_stubs:\n"
	".set vec, 0x20\n"
	".rept 0xe0\n"
	"int $vec\n"
	"ret\n"
	".balign 4\n"
	".set vec, vec + 1\n"
	".endr\n"
	".popsection\n");

static void inject_vector(unsigned int vector)
{
	void (*stub)(void) = (void (*)(void))(irq_test_int_stubs +
					      (vector - 0x20) * 4);

	stub();
}

struct test_dev {
	int calls;
	int irq;
	bool in_hardirq;
	irqreturn_t ret;
};

static struct test_dev dev_a, dev_b;

static irqreturn_t test_handler(int irq, void *dev_id)
{
	struct test_dev *dev = dev_id;

	dev->calls++;
	dev->irq = irq;
	dev->in_hardirq = in_hardirq();
	return dev->ret;
}

static int irq_test_init(struct ktest *t)
{
	const struct test_dev fresh = { .irq = -1, .ret = IRQ_HANDLED };

	dev_a = fresh;
	dev_b = fresh;
	if (irq_alloc_vector(TEST_IRQ) < 0 || irq_alloc_vector(TEST_IRQ_IDLE) < 0) {
		ktest_fail_at(t, __FILE__, __LINE__, "no vector for the test IRQs");
		return -1;
	}
	return 0;
}

/* Injection is only harmless on lines no controller owns. */
static bool skip_without_test_irqs(struct ktest *t)
{
	if (irq_to_desc(TEST_IRQ)->irq_data.chip == &dummy_irq_chip &&
	    irq_to_desc(TEST_IRQ_IDLE)->irq_data.chip == &dummy_irq_chip)
		return false;
	ktest_skip(t, "the test IRQs have hardware on this machine");
	return true;
}

static void irq_test_exit(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);

	/* Whatever a failed case left behind, without free_irq's warning. */
	while (desc->action)
		free_irq(TEST_IRQ, desc->action->dev_id);
	if (desc->irq_data.chip == &dummy_irq_chip) {
		irq_free_vector(TEST_IRQ);
		irq_free_vector(TEST_IRQ_IDLE);
	}
}

static void test_request_bad_args(struct ktest *t)
{
	if (skip_without_test_irqs(t))
		return;
	KTEST_EXPECT_EQ(t, request_irq(NR_IRQS, test_handler, 0, "irq_test",
				       &dev_a), -EINVAL);
	KTEST_EXPECT_EQ(t, request_irq(TEST_IRQ, NULL, 0, "irq_test", &dev_a),
			-EINVAL);
	KTEST_EXPECT_NULL(t, free_irq(NR_IRQS, &dev_a));
	KTEST_EXPECT_NULL(t, irq_to_desc(TEST_IRQ)->action);
}

static void test_request_busy(struct ktest *t)
{
	if (skip_without_test_irqs(t))
		return;
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "irq_test",
				       &dev_a), 0);
	KTEST_EXPECT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "irq_test_b",
				       &dev_b), -EBUSY);
	/* Sharing takes both sides' consent. */
	KTEST_EXPECT_EQ(t, request_irq(TEST_IRQ, test_handler, IRQF_SHARED,
				       "irq_test_b", &dev_b), -EBUSY);
	KTEST_EXPECT_STREQ(t, free_irq(TEST_IRQ, &dev_a), "irq_test");
	KTEST_EXPECT_NULL(t, irq_to_desc(TEST_IRQ)->action);
}

static void test_injected_reaches_handler(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	unsigned long count, unhandled;

	if (skip_without_test_irqs(t))
		return;
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "irq_test",
				       &dev_a), 0);
	count = desc->count;
	unhandled = desc->irqs_unhandled;
	inject_vector(irq_to_vector(TEST_IRQ));
	KTEST_EXPECT_EQ(t, dev_a.calls, 1);
	KTEST_EXPECT_EQ(t, dev_a.irq, TEST_IRQ);
	KTEST_EXPECT_TRUE(t, dev_a.in_hardirq);
	KTEST_EXPECT_FALSE(t, in_hardirq());
	KTEST_EXPECT_EQ(t, desc->count, count + 1);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, unhandled);
	free_irq(TEST_IRQ, &dev_a);
}

static void test_shared_handlers_both_called(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ);
	unsigned long count;

	if (skip_without_test_irqs(t))
		return;
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, IRQF_SHARED,
				       "irq_test_a", &dev_a), 0);
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, IRQF_SHARED,
				       "irq_test_b", &dev_b), 0);
	count = desc->count;
	dev_a.ret = IRQ_NONE;		/* not dev_a's interrupt */
	inject_vector(irq_to_vector(TEST_IRQ));
	KTEST_EXPECT_EQ(t, dev_a.calls, 1);
	KTEST_EXPECT_EQ(t, dev_b.calls, 1);
	KTEST_EXPECT_EQ(t, desc->count, count + 1);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, 0);
	/* Freeing one leaves the other working. */
	KTEST_EXPECT_STREQ(t, free_irq(TEST_IRQ, &dev_a), "irq_test_a");
	inject_vector(irq_to_vector(TEST_IRQ));
	KTEST_EXPECT_EQ(t, dev_a.calls, 1);
	KTEST_EXPECT_EQ(t, dev_b.calls, 2);
	KTEST_EXPECT_STREQ(t, free_irq(TEST_IRQ, &dev_b), "irq_test_b");
}

static void test_free_unknown_dev_id(struct ktest *t)
{
	if (skip_without_test_irqs(t))
		return;
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "irq_test",
				       &dev_a), 0);
	/* Warns, and the registered handler stays. */
	KTEST_EXPECT_REPORT(t, DEBUG_REPORT_WARN,
			    KTEST_EXPECT_NULL(t, free_irq(TEST_IRQ, &dev_b)));
	inject_vector(irq_to_vector(TEST_IRQ));
	KTEST_EXPECT_EQ(t, dev_a.calls, 1);
	KTEST_EXPECT_STREQ(t, free_irq(TEST_IRQ, &dev_a), "irq_test");
}

static void test_unhandled_irq_counted(struct ktest *t)
{
	struct irq_desc *desc = irq_to_desc(TEST_IRQ_IDLE);
	unsigned long count = desc->count, unhandled = desc->irqs_unhandled;

	if (skip_without_test_irqs(t))
		return;
	inject_vector(irq_to_vector(TEST_IRQ_IDLE));
	KTEST_EXPECT_EQ(t, desc->count, count + 1);
	KTEST_EXPECT_EQ(t, desc->irqs_unhandled, unhandled + 1);
	/* A handler that says "not mine" is no better. */
	dev_a.ret = IRQ_NONE;
	KTEST_ASSERT_EQ(t, request_irq(TEST_IRQ, test_handler, 0, "irq_test",
				       &dev_a), 0);
	inject_vector(irq_to_vector(TEST_IRQ));
	KTEST_EXPECT_EQ(t, dev_a.calls, 1);
	KTEST_EXPECT_EQ(t, irq_to_desc(TEST_IRQ)->irqs_unhandled, 1);
	free_irq(TEST_IRQ, &dev_a);
}

static void test_unexpected_vector_counted(struct ktest *t)
{
	unsigned long err = irq_stat.irq_err_count;
	unsigned long spurious = irq_stat.irq_spurious_count;

	inject_vector(UNUSED_VECTOR);
	KTEST_EXPECT_EQ(t, irq_stat.irq_err_count, err + 1);
	inject_vector(SPURIOUS_APIC_VECTOR);
	KTEST_EXPECT_EQ(t, irq_stat.irq_spurious_count, spurious + 1);
	KTEST_EXPECT_EQ(t, irq_stat.irq_err_count, err + 1);
}

static void test_vector_allocation(struct ktest *t)
{
	unsigned int test_vector = irq_to_vector(TEST_IRQ);
	int v;

	if (skip_without_test_irqs(t))
		return;
	KTEST_EXPECT_EQ(t, irq_to_vector(0), ISA_IRQ_VECTOR(0));
	KTEST_EXPECT_EQ(t, vector_to_irq(ISA_IRQ_VECTOR(1)), 1);
	KTEST_EXPECT_GE(t, test_vector, FIRST_DYNAMIC_VECTOR);
	KTEST_EXPECT_LT(t, test_vector, FIRST_SYSTEM_VECTOR);
	KTEST_EXPECT_NE(t, test_vector, irq_to_vector(TEST_IRQ_IDLE));
	KTEST_EXPECT_EQ(t, vector_to_irq(test_vector), TEST_IRQ);
	KTEST_EXPECT_EQ(t, irq_alloc_vector(TEST_IRQ), test_vector);
	KTEST_EXPECT_EQ(t, irq_alloc_vector(NR_IRQS), -EINVAL);
	KTEST_EXPECT_EQ(t, vector_to_irq(LOCAL_TIMER_VECTOR), -1);

	/* Freed, it is nobody's: an interrupt there is unexpected. */
	irq_free_vector(TEST_IRQ);
	KTEST_EXPECT_EQ(t, irq_to_vector(TEST_IRQ), 0);
	KTEST_EXPECT_EQ(t, vector_to_irq(test_vector), -1);
	v = irq_alloc_vector(TEST_IRQ);
	KTEST_EXPECT_GE(t, v, FIRST_DYNAMIC_VECTOR);
	KTEST_EXPECT_EQ(t, vector_to_irq(v), TEST_IRQ);
}

/* Every line gets a vector, and the range still has room: no -ENOSPC. */
static void test_every_irq_has_room(struct ktest *t)
{
	unsigned int irq, used = 0, v;

	for (v = FIRST_DYNAMIC_VECTOR; v < FIRST_SYSTEM_VECTOR; v++)
		used += vector_to_irq(v) >= 0;
	KTEST_EXPECT_LE(t, used, NR_IRQS - NR_IRQS_LEGACY);
	for (irq = 0; irq < NR_IRQS_LEGACY; irq++)
		KTEST_EXPECT_EQ(t, vector_to_irq(ISA_IRQ_VECTOR(irq)), irq);
}

static struct ktest_case irq_cases[] = {
	KTEST_CASE(test_vector_allocation),
	KTEST_CASE(test_every_irq_has_room),
	KTEST_CASE(test_request_bad_args),
	KTEST_CASE(test_request_busy),
	KTEST_CASE(test_injected_reaches_handler),
	KTEST_CASE(test_shared_handlers_both_called),
	KTEST_CASE(test_free_unknown_dev_id),
	KTEST_CASE(test_unhandled_irq_counted),
	KTEST_CASE(test_unexpected_vector_counted),
	{}
};

static struct ktest_suite irq_suite = {
	.name = "irq",
	.init = irq_test_init,
	.exit = irq_test_exit,
	.cases = irq_cases,
};
ktest_register_suite(irq_suite);
