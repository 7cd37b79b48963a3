// SPDX-License-Identifier: GPL-2.0
/*
 * Signal delivery on x86_64, as Linux's arch/x86/kernel/signal.c: on the
 * way to user mode, a signal with a handler gets an rt_sigframe
 * (<asm/sigframe.h>) on the user stack (or the sigaltstack), and the
 * registers are set to enter the handler; rt_sigreturn reads it back.
 * A system call the signal interrupted is restarted or fails with EINTR
 * by its -ERESTART* code and SA_RESTART.
 */
#include <keel/bug.h>
#include <keel/errno.h>
#include <keel/kernel.h>
#include <keel/sched.h>
#include <keel/sched/signal.h>
#include <keel/string.h>
#include <keel/syscalls.h>
#include <keel/uaccess.h>
#include <asm/fpu.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/sigframe.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

_Static_assert(sizeof(struct sigcontext) == 256, "Linux's sigcontext");
_Static_assert(sizeof(struct _fpstate_64) == 512, "the FXSAVE image");
_Static_assert(sizeof(struct _fpstate_64) == sizeof(struct fxregs_state),
	      "fpstate is thread.fpu");
_Static_assert(offsetof(struct ucontext, uc_stack) == 16, "ucontext");
_Static_assert(offsetof(struct ucontext, uc_mcontext) == 40, "ucontext");
_Static_assert(offsetof(struct ucontext, uc_sigmask) == 296, "ucontext");
_Static_assert(sizeof(struct ucontext) == 304, "ucontext");
_Static_assert(offsetof(struct rt_sigframe, uc) == 8, "rt_sigframe");
_Static_assert(offsetof(struct rt_sigframe, info) == 312, "rt_sigframe");
_Static_assert(sizeof(siginfo_t) == 128, "siginfo_t");
_Static_assert(sizeof(stack_t) == 24, "stack_t");
_Static_assert(sizeof(struct sigaction) == 32, "kernel_sigaction");

/* The flags user code may set through sigreturn (Linux's FIX_EFLAGS). */
#define FIX_EFLAGS	(X86_EFLAGS_AC | (1UL << 11) /* OF */ | X86_EFLAGS_DF | \
			 X86_EFLAGS_TF | (1UL << 7) /* SF */ | (1UL << 6) /* ZF */ | \
			 (1UL << 4) /* AF */ | (1UL << 2) /* PF */ | \
			 X86_EFLAGS_CF | X86_EFLAGS_RF)

#define RED_ZONE	128	/* the ABI's, below the user's stack pointer */

/* The MXCSR bits this CPU has; fxrstor faults on any other. */
#define MXCSR_DEFAULT_MASK	0x0000ffbf

/*
 * In a system call (the entry pushed vector -1), and not one whose
 * registers sigreturn has replaced (orig_ax -1).
 */
static bool in_syscall(const struct pt_regs *regs)
{
	return regs->vector == ~0UL && (long)regs->orig_ax >= 0;
}

static bool is_canonical(unsigned long addr)
{
	return (unsigned long)((long)(addr << 16) >> 16) == addr;
}

/*
 * Where the frame goes: below the red zone, or at the top of the
 * alternate stack for SA_ONSTACK when not already on it.  A frame that
 * would overflow the alternate stack is refused (SIGSEGV).
 */
static void __user *get_sigframe(struct ksignal *ksig, struct pt_regs *regs,
				 unsigned long *fpstate)
{
	bool onsigstack = on_sig_stack(regs->sp), entering = false;
	unsigned long sp = regs->sp - RED_ZONE;

	if ((ksig->ka.sa.sa_flags & SA_ONSTACK) && sas_ss_flags(sp) == 0) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		entering = true;
	}
	sp = ALIGN_DOWN(sp - sizeof(struct fxregs_state), 64);
	*fpstate = sp;
	sp -= sizeof(struct rt_sigframe);
	sp = ALIGN_DOWN(sp, 16) - 8;
	if ((onsigstack && !on_sig_stack(sp)) ||
	    (entering && sp < current->sas_ss_sp))
		return NULL;
	return (void __user *)sp;
}

static void fill_sigcontext(struct sigcontext *sc, const struct pt_regs *regs,
			    const struct ksignal *ksig, unsigned long mask,
			    unsigned long fpstate)
{
	int sig = ksig->sig;

	sc->r8 = regs->r8;
	sc->r9 = regs->r9;
	sc->r10 = regs->r10;
	sc->r11 = regs->r11;
	sc->r12 = regs->r12;
	sc->r13 = regs->r13;
	sc->r14 = regs->r14;
	sc->r15 = regs->r15;
	sc->di = regs->di;
	sc->si = regs->si;
	sc->bp = regs->bp;
	sc->bx = regs->bx;
	sc->dx = regs->dx;
	sc->ax = regs->ax;
	sc->cx = regs->cx;
	sc->sp = regs->sp;
	sc->ip = regs->ip;
	sc->flags = regs->flags;
	sc->cs = regs->cs;
	sc->ss = regs->ss;
	if (!in_syscall(regs) && regs->vector < 32) {
		sc->trapno = regs->vector;
		sc->err = regs->error_code;
	}
	/* A fault's address, as CR2 held it. */
	if ((sig == SIGSEGV || sig == SIGBUS) && ksig->info.si_code > 0)
		sc->cr2 = (unsigned long)ksig->info.si_addr;
	sc->oldmask = mask;
	sc->fpstate = fpstate;
}

static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	struct rt_sigframe __user *frame;
	sigset_t *set = sigmask_to_save();
	struct rt_sigframe kframe;
	unsigned long fpstate;

	/* x86_64 has no return path in the kernel: libc sets sa_restorer. */
	if (!(ksig->ka.sa.sa_flags & SA_RESTORER))
		return -EFAULT;
	frame = get_sigframe(ksig, regs, &fpstate);
	if (!frame)
		return -EFAULT;

	fpu_save_current();
	if (copy_to_user((void __user *)fpstate, &current->thread.fpu,
			 sizeof(struct fxregs_state)))
		return -EFAULT;

	memset(&kframe, 0, sizeof(kframe));
	kframe.pretcode = (char __user *)ksig->ka.sa.sa_restorer;
	kframe.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	fill_sigcontext(&kframe.uc.uc_mcontext, regs, ksig, set->sig[0],
			fpstate);
	kframe.uc.uc_sigmask = set->sig[0];
	if (ksig->ka.sa.sa_flags & SA_SIGINFO)
		kframe.info = ksig->info;
	if (copy_to_user(frame, &kframe, sizeof(kframe)) ||
	    __save_altstack(&frame->uc.uc_stack, regs->sp))
		return -EFAULT;

	regs->di = ksig->sig;
	regs->ax = 0;		/* no vector registers used: for varargs */
	regs->si = (unsigned long)&frame->info;
	regs->dx = (unsigned long)&frame->uc;
	regs->ip = (unsigned long)ksig->ka.sa.sa_handler;
	regs->sp = (unsigned long)frame;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->flags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	/* The handler starts with a clean FPU, as Linux gives it. */
	fpu_reset_current();
	return 0;
}

/*
 * What the interrupted call becomes when a handler runs: -EINTR, or
 * (SA_RESTART, or a call that always restarts) issued again after it.
 */
static void syscall_restart_for_handler(struct pt_regs *regs,
					const struct ksignal *ksig)
{
	switch ((long)regs->ax) {
	case -ERESTART_RESTARTBLOCK:
	case -ERESTARTNOHAND:
		regs->ax = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
			regs->ax = -EINTR;
			break;
		}
		fallthrough;
	case -ERESTARTNOINTR:
		regs->ax = regs->orig_ax;
		regs->ip -= 2;		/* the syscall instruction */
		break;
	}
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	if (in_syscall(regs))
		syscall_restart_for_handler(regs, ksig);
	signal_setup_done(setup_rt_frame(ksig, regs), ksig);
}

void arch_do_signal(struct pt_regs *regs)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs);
		return;
	}
	/* No handler ran: every restartable call is issued again. */
	if (in_syscall(regs)) {
		switch ((long)regs->ax) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			regs->ax = regs->orig_ax;
			regs->ip -= 2;
			break;
		case -ERESTART_RESTARTBLOCK:
			regs->ax = __NR_restart_syscall;
			regs->ip -= 2;
			break;
		}
	}
	restore_saved_sigmask();
}

/* Load the saved x87/SSE state, or the initial one for fpstate 0. */
static int restore_fpstate(unsigned long ufp)
{
	struct fxregs_state fx;
	unsigned long flags;
	u32 mask;

	if (!ufp) {
		fpu_reset_current();
		return 0;
	}
	if (copy_from_user(&fx, (const void __user *)ufp, sizeof(fx)))
		return -EFAULT;
	fpu_save_current();
	mask = current->thread.fpu.mxcsr_mask ?: MXCSR_DEFAULT_MASK;
	fx.mxcsr &= mask;
	fx.mxcsr_mask = current->thread.fpu.mxcsr_mask;
	/* No switch between the store and the load: it would save over it. */
	local_irq_save(flags);
	current->thread.fpu = fx;
	fpu_restore_current();
	local_irq_restore(flags);
	return 0;
}

static int restore_sigcontext(struct pt_regs *regs,
			      const struct sigcontext *sc)
{
	/* A restart_syscall() after this would restart the wrong call. */
	current->restart_block.fn = do_no_restart_syscall;
	if (!is_canonical(sc->ip))
		return -EFAULT;
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->di = sc->di;
	regs->si = sc->si;
	regs->bp = sc->bp;
	regs->bx = sc->bx;
	regs->dx = sc->dx;
	regs->ax = sc->ax;
	regs->cx = sc->cx;
	regs->sp = sc->sp;
	regs->ip = sc->ip;
	regs->flags = (regs->flags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	/* No longer in a system call: ax is not a restart code. */
	regs->orig_ax = -1;
	return restore_fpstate(sc->fpstate);
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = current_pt_regs();
	/* The handler's ret popped pretcode. */
	struct rt_sigframe __user *frame =
		(struct rt_sigframe __user *)(regs->sp - sizeof(long));
	struct ucontext uc;
	sigset_t set;

	if (copy_from_user(&uc, &frame->uc, sizeof(uc)))
		goto badframe;
	siginitset(&set, uc.uc_sigmask);
	set_current_blocked(&set);
	if (restore_sigcontext(regs, &uc.uc_mcontext) ||
	    restore_altstack(&frame->uc.uc_stack))
		goto badframe;
	return regs->ax;

badframe:
	force_sig(SIGSEGV);
	return 0;
}
